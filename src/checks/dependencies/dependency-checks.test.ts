import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRepo } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import DEP101 from './DEP101-no-dependency-manifest.js';
import DEP102 from './DEP102-unpinned-dependencies.js';
import DEP103 from './DEP103-undeclared-imports.js';
import DEP104 from './DEP104-no-python-version.js';
import DEP105 from './DEP105-manifest-parse-error.js';

const commit = [{ date: '2024-03-01', message: 'Add training pipeline and manifest', files: {} }];

describe('dependency checks on real repositories', () => {
  it('a pinned, complete manifest passes', async () => {
    const dir = repo(
      {
        'requirements.txt': 'pandas==2.2.1\nscikit-learn==1.4.0\n',
        '.python-version': '3.11.8\n',
        'src/bikes/__init__.py': '',
        'src/bikes/train.py':
          'import os\nimport pandas as pd\nfrom sklearn.linear_model import Ridge\nfrom bikes import features\n',
        'src/bikes/features.py': 'from . import train\n',
      },
      { commits: commit },
    );
    for (const check of [DEP101, DEP102, DEP103, DEP104, DEP105]) {
      const r = await checkRepo(check, dir);
      assert.equal(r.outcome, 'pass', `${check.code}: ${r.reason ?? r.findings[0]?.message}`);
    }
  });

  it('an unpinned manifest that misses a notebook import fails', async () => {
    const dir = repo(
      {
        'requirements.txt': 'pandas\n',
        'eda.ipynb': notebook([
          code('import pandas as pd', { exec: 1 }),
          code('import seaborn as sns', { exec: 2 }),
        ]),
      },
      { commits: commit },
    );
    assert.equal((await checkRepo(DEP102, dir)).outcome, 'fail');
    assert.equal((await checkRepo(DEP104, dir)).outcome, 'fail');
    const undeclared = await checkRepo(DEP103, dir);
    assert.equal(undeclared.outcome, 'fail');
    assert.deepEqual(undeclared.findings[0]?.evidence, [{ file: 'eda.ipynb', cell: 1, line: 1 }]);
  });

  it('a repository without a manifest fails DEP101', async () => {
    const dir = repo({ 'main.py': 'import numpy\n' }, { commits: commit });
    assert.equal((await checkRepo(DEP101, dir)).outcome, 'fail');
  });
});
