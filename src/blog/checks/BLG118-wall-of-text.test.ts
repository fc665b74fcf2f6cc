import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG118-wall-of-text.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG118 wall-of-text', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ paragraphs: [{ text: 'long', words: 240, longestSentence: 30, line: 11 }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 11);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({ paragraphs: [{ text: 'short', words: 90, longestSentence: 20, line: 11 }] }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
