import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG103-saturated-topic.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG103 saturated-topic', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(check, postFacts({ title: 'Titanic survival prediction with random forests' }));
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]!.message, /Titanic/);
    assert.equal(r.findings[0]!.evidence[0]!.line, 2);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({ title: 'Predicting empty bike stations in Lyon from my own data' }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
