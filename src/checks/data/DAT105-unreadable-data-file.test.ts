import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DAT105-unreadable-data-file.js';
import { dataFile, dataOf } from './fixtures.js';

describe('DAT105 unreadable-data-file', () => {
  it('fails for a data file that could not be sniffed', () => {
    const broken = dataFile('data/x.parquet', 90, { format: 'parquet', error: 'does not end with PAR1' });
    const result = checkFacts(check, { data: dataOf({ files: [broken] }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: 'data/x.parquet' }]);
  });

  it('passes when every file was read', () => {
    const ok = dataFile('data/x.csv', 90, { columns: ['a'] });
    assert.equal(checkFacts(check, { data: dataOf({ files: [ok] }) }).outcome, 'pass');
  });

  it('is not applicable without data files', () => {
    assert.equal(checkFacts(check, { data: dataOf() }).outcome, 'not-applicable');
  });
});
