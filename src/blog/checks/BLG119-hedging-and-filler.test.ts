import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG119-hedging-and-filler.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG119 hedging-and-filler', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ prose: { words: 500, vagueWords: 80, hedges: 40, weasels: 30, fillers: 20 } }),
    );
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]!.message, /16 hedge/);
  });

  it('passes', () => {
    const r = runBlogCheck(check, postFacts({ prose: { words: 500, vagueWords: 20 } }));
    assert.equal(r.outcome, 'pass');
  });
});
