import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import type { NotebooksFacts } from '../../collectors/notebooks/types.js';
import type { PyFile, PythonFacts } from '../../collectors/python/types.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG106-cookie-cutter-notebook.js';

const notebooks: NotebooksFacts = {
  notebooks: [
    {
      path: 'titanic.ipynb',
      nbformat: 4,
      language: 'python',
      cells: [],
      bytes: 900,
      codeBytes: 400,
      title: 'Titanic',
    },
  ],
};

function python(files: PyFile[] = []): PythonFacts {
  return { files, imports: [], calls: [], strings: [], defs: [], localModules: [] };
}

const stock = signalsFacts({
  cookieCutterNotebooks: [
    {
      file: 'titanic.ipynb',
      cell: 1,
      steps: ['load: pd.read_csv', 'split: train_test_split', 'fit: model.fit', 'metric: accuracy_score'],
    },
  ],
});

describe('SIG106 cookie-cutter-notebook', () => {
  it('fails when the stock notebook is the whole project', () => {
    const result = checkFacts(check, { signals: stock, python: python(), notebooks });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.evidence[0]?.file, 'titanic.ipynb');
    assert.equal(result.findings[0]?.evidence[0]?.cell, 1);
  });

  it('passes when the project also has modules of its own', () => {
    const module: PyFile = {
      path: 'src/features.py',
      origin: 'module',
      codeLines: 120,
      commentLines: 10,
      syntaxErrors: [],
      hasMainGuard: false,
      generated: false,
    };
    const result = checkFacts(check, { signals: stock, python: python([module]), notebooks });
    assert.equal(result.outcome, 'pass');
    assert.match(result.findings[0]!.message, /120 lines of code in modules/);
  });

  it('passes when no notebook has the stock shape', () => {
    assert.equal(checkFacts(check, { signals: signalsFacts(), python: python(), notebooks }).outcome, 'pass');
  });

  it('is not applicable without notebooks', () => {
    const result = checkFacts(check, { signals: stock, python: python(), notebooks: { notebooks: [] } });
    assert.equal(result.outcome, 'not-applicable');
  });
});
