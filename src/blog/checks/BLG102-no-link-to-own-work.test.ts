import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG102-no-link-to-own-work.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG102 no-link-to-own-work', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        links: [
          {
            url: 'https://pandas.pydata.org',
            text: 'pandas',
            kind: 'external',
            host: 'pandas.pydata.org',
            line: 4,
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]!.message, /1 links/);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        links: [
          {
            url: 'https://github.com/ada/bikes',
            text: 'my repo',
            kind: 'own-work',
            host: 'github.com',
            line: 9,
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
