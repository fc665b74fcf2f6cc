import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG116-hard-to-read.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG116 hard-to-read', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        prose: { grade: 17.2, longSentences: 12, sentences: 40 },
        paragraphs: [{ text: 'x', words: 80, longestSentence: 61, line: 9 }],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 9);
  });

  it('passes', () => {
    const r = runBlogCheck(check, postFacts({ prose: { grade: 9.1, longSentences: 1, sentences: 40 } }));
    assert.equal(r.outcome, 'pass');
  });
});
