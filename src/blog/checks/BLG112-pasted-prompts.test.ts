import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG112-pasted-prompts.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG112 pasted-prompts', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        codeBlocks: [
          {
            lang: 'bash',
            fenced: true,
            content: '$ pip install x\n',
            line: 14,
            prompts: [{ line: 15, prompt: '$' }],
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]!.evidence[0]!.line, 15);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        codeBlocks: [{ lang: 'bash', fenced: true, content: 'pip install x\n', line: 14, prompts: [] }],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
