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

  it('groups many missing files read by one notebook into one finding with a count', () => {
    const missing = Array.from({ length: 30 }, (_, i) =>
      ref(`data/part_${i}.csv`, { exists: false, file: 'load.ipynb', line: i + 1, cell: 0 }),
    );
    const other = ref('raw.csv', { exists: false, file: 'clean.py', line: 3 });
    const result = checkFacts(check, {
      data: dataOf({ references: [...missing, other], missing: [...missing, other] }),
    });
    assert.equal(result.findings.length, 2);
    assert.match(result.findings[0]!.message, /load\.ipynb reads 30 files .* e\.g\. data\/part_0\.csv/);
    assert.equal(result.findings[0]!.evidence.length, 10);
    assert.match(result.findings[1]!.message, /clean\.py reads raw\.csv/);
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
