import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG106-no-figures.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG106 no-figures', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        images: [{ src: 'carbon.png', alt: 'code', caption: null, looksLikeCode: true, line: 8 }],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.messageId, 'onlyCode');
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        images: [
          { src: 'chart.png', alt: 'Demand by hour', caption: 'Figure 1', looksLikeCode: false, line: 8 },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
