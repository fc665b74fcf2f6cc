import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG113-no-limitations-section.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG113 no-limitations-section', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ paragraphs: [{ text: 'It all worked.', words: 3, longestSentence: 3, line: 4 }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.messageId, 'missing');
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({ sections: [{ title: "What I'd do next", kind: 'limitations', line: 30 }] }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
