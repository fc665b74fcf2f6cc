import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG104-replication-without-comparison.js';

const claim = { text: 'Reproducing Table 2 of the paper', file: 'analysis.ipynb', line: 1, cell: 0 };

describe('SIG104 replication-without-comparison', () => {
  it('fails when a replication never compares with the paper', () => {
    const result = checkFacts(check, { signals: signalsFacts({ replicationPhrases: [claim] }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.evidence, [
      { file: 'analysis.ipynb', line: 1, cell: 0, note: 'Reproducing Table 2 of the paper' },
    ]);
  });

  it('passes with a comparison table', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        replicationPhrases: [claim],
        paperComparisons: [{ text: '| Task | Paper | Ours |', file: 'README.md', line: 5 }],
      }),
    });
    assert.equal(result.outcome, 'pass');
  });

  it('is not applicable without a replication claim', () => {
    assert.equal(checkFacts(check, { signals: signalsFacts() }).outcome, 'not-applicable');
  });
});
