import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG108-figures-without-captions.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG108 figures-without-captions', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        images: [{ src: 'chart.png', alt: 'Demand', caption: null, looksLikeCode: false, line: 12, cell: 3 }],
        format: 'notebook',
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.cell, 3);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        images: [
          {
            src: 'chart.png',
            alt: 'Demand',
            caption: 'Figure 1: demand peaks at 8am',
            looksLikeCode: false,
            line: 12,
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
