import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, notebook, streamOutput } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { codeCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB108-notebook-huge-outputs.js';

describe('NB108 notebook-huge-outputs', () => {
  it('fails above the threshold and names the biggest cell', () => {
    const nb = nbOf('big.ipynb', [
      codeCell('a', 1, { bytes: 500_000 }),
      codeCell('b', 2, { bytes: 3_000_000 }),
    ]);
    const result = checkFacts(check, { notebooks: notebooksOf(nb) });
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]!.message,
      'big.ipynb stores 3.5 MB of outputs; the largest is cell 2 (3.0 MB)',
    );
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'big.ipynb', cell: 1 }]);
  });

  it('passes small outputs; not applicable without notebooks', () => {
    const nb = nbOf('ok.ipynb', [codeCell('a', 1, { bytes: 10_000 })]);
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }).outcome, 'pass');
    assert.equal(checkFacts(check, { notebooks: notebooksOf() }).outcome, 'not-applicable');
  });

  it('measures a real notebook that printed a whole data frame', async () => {
    const dir = repo({
      'dump.ipynb': notebook([
        code('print(df)', { exec: 1, outputs: [streamOutput('1,2,3\n'.repeat(500_000))] }),
      ]),
    });
    assert.equal((await checkRepo(check, dir)).outcome, 'fail');
  });
});
