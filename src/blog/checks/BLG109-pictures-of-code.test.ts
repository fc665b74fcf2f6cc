import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG109-pictures-of-code.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG109 pictures-of-code', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ images: [{ src: 'img/code.png', alt: '', caption: null, looksLikeCode: true, line: 20 }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 20);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        images: [{ src: 'img/chart.png', alt: 'chart', caption: null, looksLikeCode: false, line: 20 }],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
