import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';
import { pythonOf } from '../notebooks/fixtures.js';
import check from './PY105-wildcard-imports.js';

describe('PY105 wildcard-imports', () => {
  it('fails on star imports with file and line', () => {
    const python = pythonOf({
      imports: [
        { file: 'a.py', module: 'os', top: 'os', relative: false, line: 1 },
        {
          file: 'nb.ipynb',
          cell: 3,
          module: 'fastai.vision.all',
          top: 'fastai',
          relative: false,
          line: 1,
          names: ['*'],
        },
      ],
    });
    const result = checkFacts(check, { python });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]!.message, '`from fastai.vision.all import *` in nb.ipynb cell 4');
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'nb.ipynb', cell: 3, line: 1 }]);
  });

  it('passes named imports; not applicable without imports', () => {
    const python = pythonOf({
      imports: [{ file: 'a.py', module: 'numpy', top: 'numpy', relative: false, line: 1, names: ['zeros'] }],
    });
    assert.equal(checkFacts(check, { python }).outcome, 'pass');
    assert.equal(checkFacts(check, { python: pythonOf() }).outcome, 'not-applicable');
  });

  it('finds a star import in a real file', async () => {
    const result = await checkRepo(check, repo({ 'm.py': 'import os\nfrom math import *\n' }));
    assert.deepEqual(result.findings[0]!.evidence, [{ file: 'm.py', line: 2 }]);
  });
});
