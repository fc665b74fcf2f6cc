import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG114-no-takeaway.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG114 no-takeaway', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ paragraphs: [{ text: 'The end.', words: 2, longestSentence: 2, line: 40 }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 40);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        paragraphs: [{ text: 'The end.', words: 2, longestSentence: 2, line: 40 }],
        links: [
          {
            url: 'https://github.com/ada/bikes',
            text: 'clone it',
            kind: 'own-work',
            host: 'github.com',
            line: 40,
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
