import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { pyFileOf, pythonOf } from '../notebooks/fixtures.js';
import check from './PY102-python-syntax-errors.js';

describe('PY102 python-syntax-errors', () => {
  it('fails with file and line, or notebook, cell and line', () => {
    const python = pythonOf({
      files: [
        pyFileOf('train.py', { syntaxErrors: [{ line: 12 }] }),
        pyFileOf('eda.ipynb', { syntaxErrors: [{ line: 2, cell: 4 }] }),
      ],
    });
    const result = checkFacts(check, { python });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.message, f.evidence]),
      [
        ['train.py:12 does not parse as Python', [{ file: 'train.py', line: 12 }]],
        ['eda.ipynb cell 5, line 2 does not parse as Python', [{ file: 'eda.ipynb', cell: 4, line: 2 }]],
      ],
    );
  });

  it('passes clean code; not applicable when nothing was parsed', () => {
    assert.equal(checkFacts(check, { python: pythonOf({ files: [pyFileOf('a.py')] }) }).outcome, 'pass');
    const skipped = pythonOf({ files: [pyFileOf('a.py', { skipped: 'binary content' })] });
    assert.equal(checkFacts(check, { python: skipped }).outcome, 'not-applicable');
  });

  it('finds a merge conflict marker in a real file but accepts magics in notebooks', async () => {
    const conflicted = 'x = 1\n<<<<<<< HEAD\ny = 2\n=======\ny = 3\n>>>>>>> branch\n';
    const result = await checkRepo(check, repo({ 'a.py': conflicted }));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]!.evidence[0]!.file, 'a.py');
    const magics = notebook([
      code('%matplotlib inline\n!pip install -q xgboost\nimport xgboost', { exec: 1 }),
    ]);
    assert.equal((await checkRepo(check, repo({ 'nb.ipynb': magics }))).outcome, 'pass');
  });
});
