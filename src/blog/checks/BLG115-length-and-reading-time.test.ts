import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG115-length-and-reading-time.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG115 length-and-reading-time', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(check, postFacts({ words: 120 }));
    assert.equal(r.outcome, 'fail');
    assert.ok((r.credit ?? 1) < 0.5);
  });

  it('passes', () => {
    const r = runBlogCheck(check, postFacts({ words: 1200 }));
    assert.equal(r.outcome, 'pass');
  });
});
