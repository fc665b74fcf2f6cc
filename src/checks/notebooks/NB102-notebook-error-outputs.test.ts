import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, errorOutput, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { codeCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB102-notebook-error-outputs.js';

describe('NB102 notebook-error-outputs', () => {
  it('fails with the exception and the cell', () => {
    const nb = nbOf('m.ipynb', [
      codeCell('a', 1),
      codeCell('1/0', 2, { errors: [{ ename: 'ZeroDivisionError', evalue: 'division by zero' }] }),
    ]);
    const result = checkFacts(check, { notebooks: notebooksOf(nb) });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]!.message, 'm.ipynb: cell 2 shows ZeroDivisionError: division by zero');
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'm.ipynb', cell: 1 }]);
  });

  it('caps findings per notebook', () => {
    const errors = [{ ename: 'E', evalue: 'v' }];
    const nb = nbOf(
      'm.ipynb',
      [1, 2, 3, 4, 5].map((i) => codeCell('x', i, { errors })),
    );
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }).findings.length, 3);
  });

  it('passes a clean notebook and is not applicable without notebooks', () => {
    const nb = nbOf('m.ipynb', [codeCell('a', 1)]);
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }).outcome, 'pass');
    assert.equal(checkFacts(check, { notebooks: notebooksOf() }).outcome, 'not-applicable');
  });

  it('finds a committed traceback in a real notebook', async () => {
    const dir = repo({
      'analysis.ipynb': notebook([
        code('df.plot()', { exec: 1, outputs: [errorOutput('NameError', "name 'df' is not defined")] }),
      ]),
    });
    const result = await checkRepo(check, dir);
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.message, /NameError/);
  });
});
