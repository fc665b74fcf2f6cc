import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { codeCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB104-notebook-unreadable.js';

describe('NB104 notebook-unreadable', () => {
  it('fails for a notebook with a read error', () => {
    const broken = nbOf('b.ipynb', [], { error: 'not valid JSON (Unexpected end)' });
    const result = checkFacts(check, {
      notebooks: notebooksOf(broken, nbOf('ok.ipynb', [codeCell('x', 1)])),
    });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'b.ipynb' }]);
  });

  it('passes readable notebooks; not applicable without notebooks', () => {
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nbOf('ok.ipynb', [])) }).outcome, 'pass');
    assert.equal(checkFacts(check, { notebooks: notebooksOf() }).outcome, 'not-applicable');
  });

  it('catches a merge conflict left in a real notebook', async () => {
    const good = notebook([code('x = 1', { exec: 1 })]);
    const conflicted = `<<<<<<< HEAD\n${good}\n=======\n${good}\n>>>>>>> feature\n`;
    const result = await checkRepo(check, repo({ 'model.ipynb': conflicted, 'ok.ipynb': good }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.message, /model\.ipynb cannot be opened/);
  });
});
