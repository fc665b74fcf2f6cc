import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG103-paper-replication.js';

const reference = { id: 'arXiv:2106.09685', kind: 'arxiv' as const, file: 'README.md', line: 3 };

describe('SIG103 paper-replication', () => {
  it('fails when no paper is involved', () => {
    const result = checkFacts(check, { signals: signalsFacts() });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.messageId, 'none');
  });

  it('fails when a paper is only cited', () => {
    const result = checkFacts(check, { signals: signalsFacts({ paperReferences: [reference] }) });
    assert.equal(result.findings[0]?.messageId, 'citedOnly');
    assert.deepEqual(result.findings[0]?.evidence, [
      { file: 'README.md', line: 3, note: 'arXiv:2106.09685' },
    ]);
  });

  it('passes with a reference and a replication claim', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        paperReferences: [reference],
        replicationPhrases: [{ text: 'We replicate the LoRA paper', file: 'README.md', line: 3 }],
      }),
    });
    assert.equal(result.outcome, 'pass');
    assert.match(result.findings[0]!.message, /arXiv:2106\.09685/);
  });
});
