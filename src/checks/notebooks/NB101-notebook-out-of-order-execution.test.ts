import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { codeCell, mdCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB101-notebook-out-of-order-execution.js';

describe('NB101 notebook-out-of-order-execution', () => {
  it('fails when a lower cell ran before a higher one, pointing at the cell', () => {
    const nb = nbOf('eda.ipynb', [
      mdCell('# x'),
      codeCell('a = 1', 3),
      codeCell('b = 2', 1),
      codeCell('c', 4),
    ]);
    const result = checkFacts(check, { notebooks: notebooksOf(nb) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'eda.ipynb', cell: 2 }]);
    assert.match(result.findings[0]!.message, /cell 3 ran as \[1\], after cell 2/);
  });

  it('passes when counts increase, even with gaps and unrun cells', () => {
    const nb = nbOf('eda.ipynb', [codeCell('a', 1), codeCell('b', null), codeCell('c', 5)]);
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }).outcome, 'pass');
  });

  it('is not applicable without notebooks, or with unreadable ones only', () => {
    assert.equal(checkFacts(check, { notebooks: notebooksOf() }).outcome, 'not-applicable');
    const broken = nbOf('b.ipynb', [], { error: 'not valid JSON' });
    assert.equal(checkFacts(check, { notebooks: notebooksOf(broken) }).outcome, 'not-applicable');
  });

  it('reads execution order from a real repository', async () => {
    const bad = repo({
      'nb.ipynb': notebook([md('# A'), code('x = 1', { exec: 2 }), code('y = 2', { exec: 1 })]),
    });
    assert.equal((await checkRepo(check, bad)).outcome, 'fail');
    const good = repo({ 'nb.ipynb': notebook([code('x = 1', { exec: 1 }), code('y = 2', { exec: 2 })]) });
    assert.equal((await checkRepo(check, good)).outcome, 'pass');
    const none = repo({ 'a.py': 'x = 1\n' });
    assert.equal((await checkRepo(check, none)).outcome, 'not-applicable');
  });
});
