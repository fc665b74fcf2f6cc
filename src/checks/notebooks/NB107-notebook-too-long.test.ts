import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { codeCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB107-notebook-too-long.js';

describe('NB107 notebook-too-long', () => {
  it('fails too many cells and over-long cells', () => {
    const many = nbOf(
      'many.ipynb',
      Array.from({ length: 90 }, (_, i) => codeCell('x', i + 1)),
    );
    const long = nbOf('long.ipynb', [codeCell('x\n'.repeat(100).trim(), 1), codeCell('y', 2)]);
    const result = checkFacts(check, { notebooks: notebooksOf(many, long) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.messageId),
      ['tooManyCells', 'longCell'],
    );
    assert.deepEqual(result.findings[1]!.evidence, [{ file: 'long.ipynb', cell: 0 }]);
  });

  it('honours options and passes normal notebooks', () => {
    const nb = nbOf('ok.ipynb', [codeCell('a\nb\nc', 1)]);
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }).outcome, 'pass');
    const strict = { ...check.options, maxCellLines: 2 };
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }, strict).outcome, 'fail');
  });

  it('is not applicable without readable notebooks', () => {
    assert.equal(checkFacts(check, { notebooks: notebooksOf() }).outcome, 'not-applicable');
  });
});
