/**
 * The floor an audit is measured against: for each repository, the history read (`git log --numstat`)
 * and every tracked file read once, through the same hardened git runner and bounded reader the audit
 * uses, with the same per-file caps. An audit cannot do less I/O than this and still see the facts.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import { locateGitDir, runGit } from '../../src/source/git.js';
import { RepoFiles } from '../../src/source/repo-files.js';

const DATA_EXTENSIONS =
  /\.(csv|tsv|parquet|feather|arrow|xlsx?|json|jsonl|h5|hdf5|pkl|pickle|npy|npz|zip|gz)$/i;

/** Bytes the baseline reads from one file: data files are sniffed, notebooks and sources are capped. */
export function readCap(path: string, limits: Limits): number {
  if (path.endsWith('.ipynb')) return limits.maxNotebookBytes;
  if (DATA_EXTENSIONS.test(path)) return limits.sniffBytes;
  return limits.maxFileBytes;
}

export interface BaselineResult {
  repos: number;
  commitsSeen: number;
  filesRead: number;
  bytesRead: number;
  failures: number;
}

async function oneRepo(
  dir: string,
  limits: Limits,
): Promise<{ commits: number; files: number; bytes: number }> {
  const location = locateGitDir(dir);
  if (!location) throw new Error(`${dir} is not a git repository`);
  const opts = { timeoutMs: limits.gitTimeoutMs };
  const log = await runGit(
    location,
    [
      'log',
      '--no-textconv',
      '--no-ext-diff',
      '--no-color',
      '--no-renames',
      '--numstat',
      `--max-count=${limits.maxCommits}`,
      '--format=%x1e%H%x1f%an%x1f%ae%x1f%at%x1f%s',
    ],
    opts,
  );
  const commits = log.stdout.toString('utf8').split('\x1e').length - 1;
  const listing = await runGit(location, ['ls-files', '-z', '--cached'], opts);
  const paths = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
  const files = await RepoFiles.open(dir, limits);
  let bytes = 0;
  for (const path of paths) {
    const { bytes: read } = await files.readRange(path, 0, readCap(path, limits));
    bytes += read.length;
  }
  return { commits, files: paths.length, bytes };
}

/** Runs the baseline over every repository, `concurrency` at a time (the audit's default: one per core). */
export async function runBaseline(
  dirs: readonly string[],
  concurrency = availableParallelism(),
  limits: Limits = DEFAULT_LIMITS,
): Promise<BaselineResult> {
  const result: BaselineResult = {
    repos: dirs.length,
    commitsSeen: 0,
    filesRead: 0,
    bytesRead: 0,
    failures: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < dirs.length) {
      const dir = dirs[next++]!;
      try {
        const one = await oneRepo(dir, limits);
        result.commitsSeen += one.commits;
        result.filesRead += one.files;
        result.bytesRead += one.bytes;
      } catch {
        result.failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return result;
}
