import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG107-images-without-alt-text.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG107 images-without-alt-text', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ images: [{ src: 'chart.png', alt: '', caption: null, looksLikeCode: false, line: 12 }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]!.evidence[0], { file: 'posts/post.md', line: 12, note: 'chart.png' });
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        images: [{ src: 'chart.png', alt: 'Demand by hour', caption: null, looksLikeCode: false, line: 12 }],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
