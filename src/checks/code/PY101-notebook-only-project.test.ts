import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { codeCell, nbOf, notebooksOf, pyFileOf, pythonOf } from '../notebooks/fixtures.js';
import check from './PY101-notebook-only-project.js';

describe('PY101 notebook-only-project', () => {
  const notebooks = notebooksOf(nbOf('eda.ipynb', [codeCell('import pandas', 1)]));

  it('fails when every line of Python is in notebooks (exports do not count)', () => {
    const python = pythonOf({
      files: [
        pyFileOf('eda.ipynb', { codeLines: 300 }),
        pyFileOf('eda.py', { codeLines: 300, generated: true }),
      ],
    });
    const result = checkFacts(check, { notebooks, python });
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]!.message,
      'All 300 lines of Python are in 1 notebooks; there is no hand-written module',
    );
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'eda.ipynb' }]);
  });

  it('passes with a real module, and is not applicable without Python notebooks', () => {
    const python = pythonOf({
      files: [pyFileOf('eda.ipynb', { codeLines: 300 }), pyFileOf('src/features.py', { codeLines: 80 })],
    });
    assert.equal(checkFacts(check, { notebooks, python }).outcome, 'pass');
    const rNotebooks = notebooksOf(nbOf('a.ipynb', [codeCell('x <- 1', 1)], { language: 'r' }));
    assert.equal(checkFacts(check, { notebooks: rNotebooks, python: pythonOf() }).outcome, 'not-applicable');
  });

  it('judges real repositories', async () => {
    const nb = notebook([
      md('# EDA'),
      code('import pandas as pd\ndf = pd.read_csv("d.csv")\ndf.describe()', { exec: 1 }),
    ]);
    assert.equal((await checkRepo(check, repo({ 'eda.ipynb': nb }))).outcome, 'fail');
    const module = Array.from({ length: 25 }, (_, i) => `def f${i}():\n    return ${i}\n`).join('\n');
    assert.equal(
      (await checkRepo(check, repo({ 'eda.ipynb': nb, 'src/features.py': module }))).outcome,
      'pass',
    );
  });
});
