import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG104-claims-without-sources.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG104 claims-without-sources', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        claims: [{ text: 'Studies show 80% of time is cleaning.', kind: 'paper', cited: false, line: 7 }],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 7);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        claims: [
          { text: 'A 2021 survey found 40% of trips are short.', kind: 'statistic', cited: true, line: 7 },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
