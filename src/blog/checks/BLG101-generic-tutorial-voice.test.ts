import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG101-generic-tutorial-voice.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG101 generic-tutorial-voice', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        prose: { firstPersonRatio: 0, secondPersonRatio: 0.06 },
        paragraphs: [{ text: 'You can use pandas.', words: 400, longestSentence: 4, line: 5 }],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]!.evidence[0], { file: 'posts/post.md', line: 5 });
  });

  it('passes', () => {
    const r = runBlogCheck(check, postFacts({ prose: { firstPersonRatio: 0.03 } }));
    assert.equal(r.outcome, 'pass');
  });
});
