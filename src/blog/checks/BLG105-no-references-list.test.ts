import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG105-no-references-list.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG105 no-references-list', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ claims: [{ text: 'Friedman et al. showed it.', kind: 'paper', cited: true, line: 3 }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 3);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        claims: [{ text: 'Friedman et al. showed it.', kind: 'paper', cited: true, line: 3 }],
        sections: [{ title: 'References', kind: 'references', line: 40 }],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
