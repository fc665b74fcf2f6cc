import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditPaths, TOOL_VERSION } from '../../../src/engine/audit.js';
import { configHash, openStore, readRepoState } from '../../../src/store/index.js';
import { makeCommit, repo, spreadCommits, tempDir } from '../../helpers/repo.js';

/**
 * A small cohort recorded into a fresh SQLite store as `unherd audit … --db store.sqlite --tag
 * spring` records it, with one repository audited twice, five weeks apart (before and after it
 * gained tests), and one whose folder name is an HTML payload.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>"><svg onload=alert(2)>';

function script(): string {
  return `import(${JSON.stringify(MAIN)}).then(async (m) => {
    process.exitCode = await m.runCli(JSON.parse(process.env.UNHERD_TEST_ARGS), {
      stdout: process.stdout, stderr: process.stderr, env: process.env,
    });
  })`;
}

export function unherd(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, '-e', script()], {
    cwd: tempDir(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', UNHERD_TEST_ARGS: JSON.stringify(args) },
    timeout: 180_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Moves a built repository into a fresh temporary folder under the name its report will show. */
function renamed(dir: string, name: string): string {
  const to = join(tempDir(), name);
  renameSync(dir, to);
  return to;
}

/**
 * Audits the folders and records each report as `audit --db … --tag` does, at a given time, so the
 * cohort's weeks are known.
 */
async function record(paths: string[], db: string, tag: string, at: string): Promise<void> {
  const report = await auditPaths(paths, { jobs: 1 });
  const store = await openStore(db);
  try {
    for (const r of report.repos) {
      const state = await readRepoState(r.root ?? r.path);
      await store.recordRun(r, {
        key: {
          repo: state.identity,
          commit: state.commit,
          worktree: state.worktree,
          toolVersion: TOOL_VERSION,
          configHash: configHash({}),
        },
        recordedAt: at,
        tags: [tag],
      });
    }
  } finally {
    await store.close();
  }
}

export interface Cohort {
  db: string;
  /** The repository audited twice. */
  bikes: string;
}

export async function buildCohort(): Promise<Cohort> {
  const db = join(tempDir('unherd-store-'), 'store.sqlite');
  const bikes = renamed(
    repo(
      {
        'README.md':
          '# Bike demand in Lyon\n\n## Problem\nHow many bikes each station needs, from data I scraped every hour for four months.\n\n## Results\nBaseline: last week same hour, MAE 4.1; the model 2.7.\n',
        'requirements.txt': 'pandas==2.2.2\nrequests==2.32.3\nscikit-learn==1.5.0\n',
        'src/scrape.py':
          'import requests\n\ndef fetch(url):\n    return requests.get(url, timeout=10).json()\n',
      },
      { commits: spreadCommits('2026-06-01', 70, 14) },
    ),
    'bike-demand',
  );
  const titanic = renamed(
    repo(
      {
        'Titanic.ipynb':
          '{"cells":[{"cell_type":"code","source":["import pandas as pd\\n","df = pd.read_csv(\'train.csv\')\\n","df.head()"],"metadata":{},"outputs":[],"execution_count":1}],"metadata":{},"nbformat":4,"nbformat_minor":5}',
        'train.csv':
          'PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n1,0,3,"Braund, Mr. Owen Harris",male,22,1,0,A/5 21171,7.25,,S\n',
      },
      { commits: [{ date: '2026-07-02', message: 'Add files via upload' }] },
    ),
    'titanic-survival',
  );
  const hostile = renamed(
    repo(
      { 'README.md': `# ${HOSTILE_NAME}\n\nA project whose name is markup.\n`, 'main.py': 'print(1)\n' },
      { commits: spreadCommits('2026-05-01', 10, 3) },
    ),
    HOSTILE_NAME,
  );
  const houses = renamed(
    repo(
      {
        'README.md': '# House prices\n\nPredicting sale prices.\n',
        'house_prices.ipynb':
          '{"cells":[{"cell_type":"code","source":["import pandas as pd\\n","df = pd.read_csv(\'house-prices-advanced-regression-techniques/train.csv\')"],"metadata":{},"outputs":[],"execution_count":1}],"metadata":{},"nbformat":4,"nbformat_minor":5}',
      },
      { commits: spreadCommits('2026-06-10', 20, 4) },
    ),
    'house-prices',
  );
  await record([bikes, titanic, hostile, houses], db, 'spring', '2026-07-20T09:00:00Z');
  // Four weeks later the bike project gains tests and CI; the mentor re-runs the cohort.
  makeCommit(bikes, {
    date: '2026-08-20',
    message: 'Add tests for the scraper and a CI workflow',
    files: {
      'tests/test_scrape.py': 'from src.scrape import fetch\n\ndef test_fetch():\n    assert fetch\n',
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
    },
  });
  await record([bikes], db, 'spring', '2026-08-24T09:00:00Z');
  return { db, bikes };
}

export interface Served {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

/** `unherd serve --db … --port 0`, started as a user would; resolves with the address it printed first. */
export function serve(db: string, extra: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, ['--import', TSX, '-e', script()], {
    cwd: tempDir(),
    env: {
      ...process.env,
      NO_COLOR: '1',
      UNHERD_TEST_ARGS: JSON.stringify(['serve', '--db', db, '--port', '0', ...extra]),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
    child.stdout?.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      const url = out.slice(0, nl).trim();
      const parsed = new URL(url);
      resolve({
        url,
        origin: parsed.origin,
        token: parsed.searchParams.get('token') ?? '',
        child,
        stderr: () => err,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGINT');
          }),
      });
    });
  });
}
