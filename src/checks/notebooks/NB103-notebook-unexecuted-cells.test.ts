import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { codeCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB103-notebook-unexecuted-cells.js';

describe('NB103 notebook-unexecuted-cells', () => {
  it('fails a half-run notebook, pointing at the first unrun cell', () => {
    const nb = nbOf('m.ipynb', [
      codeCell('a', 1),
      codeCell('b', null),
      codeCell('c', null),
      codeCell('', null),
    ]);
    const result = checkFacts(check, { notebooks: notebooksOf(nb) });
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]!.message,
      'm.ipynb: 2 of 3 code cells were never run, starting at cell 2',
    );
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'm.ipynb', cell: 1 }]);
  });

  it('passes fully run and fully cleared notebooks', () => {
    const run = nbOf('a.ipynb', [codeCell('a', 1), codeCell('b', 2)]);
    const cleared = nbOf('b.ipynb', [codeCell('a'), codeCell('b')]);
    assert.equal(checkFacts(check, { notebooks: notebooksOf(run, cleared) }).outcome, 'pass');
  });

  it('is not applicable without code cells', () => {
    assert.equal(
      checkFacts(check, { notebooks: notebooksOf(nbOf('a.ipynb', [])) }).outcome,
      'not-applicable',
    );
  });
});
