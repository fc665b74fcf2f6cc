/**
 * Builds a synthetic corpus of data-science repositories for the benchmark: notebooks with figure
 * outputs, modules, READMEs, manifests, CSV and Parquet files, awkward inputs, 10–300 dated commits
 * per repository written in one `git fast-import` stream, and a few huge sparse CSV files (untracked,
 * so git never reads them) to show that audit memory does not follow data size.
 */
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  awkwardFiles,
  CSV_HEADER,
  csvRows,
  notebookJson,
  parquet,
  pythonModule,
  readme,
  requirements,
} from './content.js';
import { Random } from './random.js';

export interface CorpusOptions {
  repos: number;
  seed: number;
  minCommits: number;
  maxCommits: number;
  /** Every n-th repository gets a sparse CSV of `sparseBytes` (0 = none). */
  sparseEvery: number;
  sparseBytes: number;
  /** Repositories built at once. */
  concurrency: number;
}

export const DEFAULT_CORPUS: CorpusOptions = {
  repos: 500,
  seed: 20240601,
  minCommits: 10,
  maxCommits: 300,
  sparseEvery: 100,
  sparseBytes: 2 * 1024 ** 3,
  concurrency: 4,
};

export interface CorpusStats {
  root: string;
  repos: string[];
  commits: number;
  trackedFiles: number;
  trackedBytes: number;
  sparseFiles: number;
  sparseBytes: number;
}

type Content = string | Uint8Array;

const MESSAGES = [
  'Add data cleaning step for missing values',
  'Refactor feature engineering into a module',
  'Fix off-by-one in the date window',
  'Update notebook with new plots',
  'Add tests for the loader',
  'update',
  'wip',
  'Add files via upload',
  'Tune model hyperparameters and log results',
  'Document how to run the pipeline',
];

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

/** Our own fixtures: plain git, no user or system config. */
function git(dir: string, args: string[], input?: Buffer[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      env: { ...process.env, ...GIT_ENV },
      stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`git ${args[0]} in ${dir}: ${stderr.trim()}`)),
    );
    if (input && child.stdin) {
      for (const chunk of input) child.stdin.write(chunk);
      child.stdin.end();
    }
  });
}

/** The files a repository ends with, chosen by its shape. */
function finalFiles(rng: Random): Record<string, Content> {
  const files: Record<string, Content> = {};
  const packaged = rng.chance(0.6);
  if (rng.chance(0.8)) files['README.md'] = readme(rng, rng.chance(0.4));
  if (rng.chance(0.7)) files['requirements.txt'] = requirements(rng, rng.chance(0.5));
  if (packaged) {
    for (let i = 0; i < rng.int(1, 8); i++)
      files[`src/pkg/module_${i}.py`] = pythonModule(rng, rng.int(2, 12));
    files['src/pkg/__init__.py'] = '';
  }
  const imageKb = rng.chance(0.4) ? rng.int(20, 200) : rng.int(0, 10);
  for (let i = 0; i < rng.int(packaged ? 0 : 1, 4); i++) {
    files[`notebooks/${i}-analysis.ipynb`] = notebookJson(rng, rng.int(5, 60), imageKb);
  }
  if (rng.chance(0.5)) files['data/sample.csv'] = CSV_HEADER + csvRows(rng, rng.int(200, 3000));
  if (rng.chance(0.2)) files['data/features.parquet'] = parquet(rng, rng.int(500, 5000));
  if (rng.chance(0.3)) files['tests/test_pipeline.py'] = 'def test_pipeline():\n    assert 1 + 1 == 2\n';
  if (rng.chance(0.15))
    files.Dockerfile = 'FROM python:3.11-slim\nCOPY . /app\nCMD ["python", "-m", "pkg"]\n';
  if (rng.chance(0.2))
    files['.github/workflows/ci.yml'] = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n';
  if (rng.chance(0.3)) Object.assign(files, awkwardFiles(rng));
  return files;
}

function dataBlock(content: Content): Buffer[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

/** One fast-import stream: files are added over the first commits, later commits edit modules or notes. */
function history(
  rng: Random,
  files: Record<string, Content>,
  options: CorpusOptions,
): { stream: Buffer[]; commits: number; notes: boolean } {
  const paths = Object.keys(files);
  const commits = rng.int(options.minCommits, options.maxCommits);
  const start = Date.parse('2023-01-02T09:00:00Z') / 1000 + rng.int(0, 400) * 86_400;
  const span = rng.int(1, 240) * 86_400;
  const editable = paths.filter((p) => p.endsWith('.py') && p.startsWith('src/'));
  const stream: Buffer[] = [];
  let notes = '# Notes\n';
  let wroteNotes = false;
  for (let c = 0; c < commits; c++) {
    const when = Math.round(start + (span * c) / Math.max(1, commits - 1));
    const message = rng.pick(MESSAGES);
    stream.push(
      Buffer.from(
        `commit refs/heads/main\nauthor Bench Candidate <bench@example.com> ${when} +0000\ncommitter Bench Candidate <bench@example.com> ${when} +0000\n`,
      ),
      ...dataBlock(message),
    );
    const add = c === commits - 1 ? paths.slice(c) : c < paths.length ? [paths[c]!] : [];
    for (const path of add) stream.push(Buffer.from(`M 100644 inline ${path}\n`), ...dataBlock(files[path]!));
    if (add.length === 0) {
      if (editable.length > 0 && rng.chance(0.8)) {
        const path = rng.pick(editable);
        // Edits in the history only; the final commit below restores each module's final content.
        stream.push(
          Buffer.from(`M 100644 inline ${path}\n`),
          ...dataBlock(pythonModule(rng, rng.int(2, 12), c)),
        );
      } else {
        notes += `- ${c}: ${message}\n`;
        wroteNotes = true;
        stream.push(Buffer.from('M 100644 inline NOTES.md\n'), ...dataBlock(notes));
      }
    }
    stream.push(Buffer.from('\n'));
  }
  // The work tree must hold the final files: rewrite edited modules in a last commit.
  const when = Math.round(start + span + 3600);
  stream.push(
    Buffer.from(
      `commit refs/heads/main\nauthor Bench Candidate <bench@example.com> ${when} +0000\ncommitter Bench Candidate <bench@example.com> ${when} +0000\n`,
    ),
    ...dataBlock('Tidy modules before sharing'),
  );
  for (const path of editable)
    stream.push(Buffer.from(`M 100644 inline ${path}\n`), ...dataBlock(files[path]!));
  stream.push(Buffer.from('\n'));
  return { stream, commits: commits + 1, notes: wroteNotes };
}

/** A CSV with a real header and rows, then extended to `size` bytes without writing them (a hole). */
function writeSparseCsv(path: string, rng: Random, size: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, CSV_HEADER + csvRows(rng, 1000));
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

async function buildRepo(dir: string, index: number, options: CorpusOptions) {
  const rng = new Random(options.seed * 7919 + index);
  const files = finalFiles(rng);
  mkdirSync(dir, { recursive: true });
  await git(dir, ['init', '-q']);
  const { stream, commits, notes } = history(rng, files, options);
  await git(dir, ['fast-import', '--quiet'], stream);
  await git(dir, ['reset', '-q', '--hard', 'main']);
  let sparse = 0;
  if (
    options.sparseEvery > 0 &&
    options.sparseBytes > 0 &&
    index % options.sparseEvery === options.sparseEvery - 1
  ) {
    mkdirSync(join(dir, 'data', 'raw'), { recursive: true });
    writeSparseCsv(join(dir, 'data', 'raw', 'full_export.csv'), rng, options.sparseBytes);
    sparse = options.sparseBytes;
  }
  const bytes = Object.values(files).reduce(
    (n, c) => n + (typeof c === 'string' ? Buffer.byteLength(c) : c.length),
    0,
  );
  return { commits, files: Object.keys(files).length + (notes ? 1 : 0), bytes, sparse };
}

/** Builds `options.repos` repositories under `root` (which must be empty or absent). */
export async function generateCorpus(
  root: string,
  partial: Partial<CorpusOptions> = {},
): Promise<CorpusStats> {
  const options = { ...DEFAULT_CORPUS, ...partial };
  const stats: CorpusStats = {
    root,
    repos: [],
    commits: 0,
    trackedFiles: 0,
    trackedBytes: 0,
    sparseFiles: 0,
    sparseBytes: 0,
  };
  const dirs = Array.from({ length: options.repos }, (_, i) =>
    join(root, `repo-${String(i).padStart(4, '0')}`),
  );
  let next = 0;
  const worker = async () => {
    while (next < dirs.length) {
      const i = next++;
      const built = await buildRepo(dirs[i]!, i, options);
      stats.commits += built.commits;
      stats.trackedFiles += built.files;
      stats.trackedBytes += built.bytes;
      if (built.sparse > 0) {
        stats.sparseFiles += 1;
        stats.sparseBytes += built.sparse;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  stats.repos = dirs;
  return stats;
}
