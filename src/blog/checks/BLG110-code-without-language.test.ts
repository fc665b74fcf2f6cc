import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG110-code-without-language.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG110 code-without-language', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({ codeBlocks: [{ lang: '', fenced: false, content: 'x = 1\n', line: 14, prompts: [] }] }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.note, 'indented');
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        codeBlocks: [{ lang: 'python', fenced: true, content: 'x = 1\n', line: 14, prompts: [] }],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
