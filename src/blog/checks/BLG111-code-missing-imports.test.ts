import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import check from './BLG111-code-missing-imports.js';
import { runBlogCheck } from './define.js';
import { postFacts } from './testing.js';

describe('BLG111 code-missing-imports', () => {
  it('fails, pointing at the post', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        codeBlocks: [
          {
            lang: 'python',
            fenced: true,
            content: 'pd.read_csv(x)\n',
            line: 14,
            prompts: [],
            unresolved: [{ name: 'pd', line: 15 }],
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]!.message, /`pd`/);
    assert.equal(r.findings[0]!.evidence[0]!.line, 15);
  });

  it('passes', () => {
    const r = runBlogCheck(
      check,
      postFacts({
        codeBlocks: [
          {
            lang: 'python',
            fenced: true,
            content: 'import pandas as pd\npd.read_csv(x)\n',
            line: 14,
            prompts: [],
            unresolved: [],
          },
        ],
      }),
    );
    assert.equal(r.outcome, 'pass');
  });
});
