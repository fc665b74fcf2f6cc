import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG117-missing-structure.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG117 missing-structure', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(check, postFacts({ title: null, words: 1500, headings: [] }));
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings.map((f) => f.messageId).sort(), ['noHeadings', 'noTitle']);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        words: 800,
        headings: [
          { level: 2, text: 'Data', line: 5 },
          { level: 2, text: 'Results', line: 20 },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
