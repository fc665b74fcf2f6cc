import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DAT106-model-weights-committed.js';
import { dataFile, dataOf, MB } from './fixtures.js';

describe('DAT106 model-weights-committed', () => {
  it('fails for committed model weights', () => {
    const weights = dataFile('models/best.pt', 44 * MB, { format: 'model' });
    const result = checkFacts(check, { data: dataOf({ files: [weights] }) });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /models\/best\.pt \(44\.0 MB\)/);
  });

  it('passes for weights in LFS and for tiny files', () => {
    const files = [
      dataFile('models/best.pt', 130, { format: 'model', pointer: 'git-lfs' }),
      dataFile('models/tiny.pkl', 2000, { format: 'model' }),
      dataFile('data/a.csv', 90 * MB),
    ];
    assert.equal(checkFacts(check, { data: dataOf({ files }) }).outcome, 'pass');
  });
});
