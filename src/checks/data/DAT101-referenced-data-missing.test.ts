import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DAT101-referenced-data-missing.js';
import { dataOf, ref } from './fixtures.js';

describe('DAT101 referenced-data-missing', () => {
  it('fails for a relative reference to a file that is not there, pointing at file, line and cell', () => {
    const missing = ref('data/train.csv', { exists: false, file: 'eda.ipynb', line: 2, cell: 4 });
    const result = checkFacts(check, { data: dataOf({ references: [missing], missing: [missing] }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.evidence, [
      { file: 'eda.ipynb', line: 2, cell: 4, note: "pd.read_csv('data/train.csv')" },
    ]);
  });

  it('passes when every referenced file is present or downloaded', () => {
    const fetched = ref('data/train.csv', { exists: false });
    const steps = [{ file: 'Makefile', line: 2, what: 'kaggle download' }];
    const result = checkFacts(check, { data: dataOf({ references: [fetched], downloadSteps: steps }) });
    assert.equal(result.outcome, 'pass');
  });

  it('is not applicable when the code reads no relative paths', () => {
    const result = checkFacts(check, {
      data: dataOf({ references: [ref('https://x.org/a.csv', { kind: 'url' })] }),
    });
    assert.equal(result.outcome, 'not-applicable');
  });
});
