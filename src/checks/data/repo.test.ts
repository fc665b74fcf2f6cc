/** Data checks against real synthetic repositories: real tree and data collectors, Python facts as the Python collector reports them. */
import assert from 'node:assert/strict';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectOne, factsOf } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import dataCollector from '../../collectors/data/index.js';
import type { PyCall } from '../../collectors/python/types.js';
import { runCheck } from '../../engine/run-check.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { RepoFiles } from '../../source/repo-files.js';
import { checks } from './index.js';

async function factsFor(dir: string, calls: PyCall[]) {
  const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
  const tree = await collectOne(dir, 'tree');
  const notebooks = await collectOne(dir, 'notebooks');
  const python = { files: [], imports: [], calls, strings: [], defs: [], localModules: [] };
  const data = await dataCollector.collect({
    files,
    git: null,
    limits: DEFAULT_LIMITS,
    facts: { tree, python, notebooks },
  });
  return factsOf({ tree, python, data });
}

function outcomes(facts: ReturnType<typeof factsOf>): Record<string, string> {
  return Object.fromEntries(checks.map((c) => [c.code, runCheck(c, facts).outcome]));
}

const read = (file: string, line: number, target: string, cell?: number): PyCall => ({
  file,
  line,
  callee: 'pd.read_csv',
  stringArgs: [target],
  stringKwargs: {},
  ...(cell === undefined ? {} : { cell }),
});

describe('data checks on synthetic repositories', () => {
  it('flag a Kaggle notebook that reads files nobody can get', async () => {
    const dir = repo(
      {
        'eda.ipynb': notebook([
          code("df = pd.read_csv('/kaggle/input/titanic/train.csv')"),
          code("extra = pd.read_csv('/Users/ada/Desktop/extra.csv')"),
          code("test = pd.read_csv('data/test.csv')"),
        ]),
        'models/model.pkl': 'x',
        'data/broken.csv': new Uint8Array([0, 0, 0, 1, 2]),
      },
      { commits: [{ date: '2024-05-01', message: 'Add Titanic notebook', files: {} }] },
    );
    truncateSync(join(dir, 'models/model.pkl'), 80 * 1024 * 1024);
    const facts = await factsFor(dir, [
      read('eda.ipynb', 1, '/kaggle/input/titanic/train.csv', 0),
      read('eda.ipynb', 1, '/Users/ada/Desktop/extra.csv', 1),
      read('eda.ipynb', 1, 'data/test.csv', 2),
    ]);
    assert.deepEqual(outcomes(facts), {
      DAT101: 'fail',
      DAT102: 'fail',
      DAT103: 'pass',
      DAT104: 'fail',
      DAT105: 'fail',
      DAT106: 'fail',
    });
  });

  it('pass a project whose data is committed or downloaded by a script', async () => {
    const dir = repo(
      {
        'src/train.py': 'x\n',
        'data/sample.csv': 'a,b\n1,2\n',
        Makefile: 'data:\n\tkaggle datasets download -d someone/thing -p data/raw\n',
      },
      { git: false },
    );
    const facts = await factsFor(dir, [
      read('src/train.py', 4, 'data/sample.csv'),
      read('src/train.py', 5, 'data/raw/big.csv'),
    ]);
    assert.deepEqual(outcomes(facts), {
      DAT101: 'pass',
      DAT102: 'pass',
      DAT103: 'pass',
      DAT104: 'pass',
      DAT105: 'pass',
      DAT106: 'pass',
    });
  });
});
