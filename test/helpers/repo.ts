import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

/** A file's content, or a symlink to create instead of a file. */
export type FileSpec = string | Uint8Array | { symlink: string };
export type FileTree = Record<string, FileSpec>;

export interface CommitSpec {
  /** ISO date or 'YYYY-MM-DD'; used for author and committer dates. */
  date: string;
  message: string;
  /** Files to write (or overwrite) in this commit; `null` deletes the file. */
  files?: Record<string, FileSpec | null>;
  author?: { name: string; email: string };
  /** Create and check out this branch before committing. */
  branch?: string;
  /** Merge this branch into the current one (with --no-ff) instead of committing files. */
  merge?: string;
}

const created: string[] = [];
let cleanupRegistered = false;

function registerCleanup(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  after(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });
}

/** A fresh empty temporary folder, removed when the test file finishes. */
export function tempDir(prefix = 'unherd-test-'): string {
  registerCleanup();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function writeTree(root: string, files: Record<string, FileSpec | null>): void {
  for (const [path, spec] of Object.entries(files)) {
    const abs = join(root, path);
    if (spec === null) {
      rmSync(abs, { force: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof spec === 'object' && 'symlink' in spec) symlinkSync(spec.symlink, abs);
    else writeFileSync(abs, spec);
  }
}

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

/** Runs git in a test repository (our own fixture, so plain settings are fine). */
export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const DEFAULT_AUTHOR = { name: 'Ada Candidate', email: 'ada@example.com' };

/**
 * Builds a synthetic repository: `files` are written (uncommitted unless `commits` is given),
 * then each commit is made with its own date and author. `git: false` makes a plain folder.
 */
export function repo(files: FileTree = {}, options: { commits?: CommitSpec[]; git?: boolean } = {}): string {
  const dir = tempDir();
  const useGit = options.git ?? true;
  if (useGit) git(dir, ['init', '-q']);
  writeTree(dir, files);
  for (const commit of options.commits ?? []) makeCommit(dir, commit);
  return dir;
}

export function makeCommit(dir: string, commit: CommitSpec): void {
  const author = commit.author ?? DEFAULT_AUTHOR;
  const date = commit.date.length === 10 ? `${commit.date}T12:00:00Z` : commit.date;
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  if (commit.branch) {
    // Switch to an existing branch as it is; create a new one from the current commit.
    const exists = git(dir, ['branch', '--list', commit.branch]).trim() !== '';
    git(dir, exists ? ['checkout', '-q', commit.branch] : ['checkout', '-q', '-b', commit.branch]);
  }
  if (commit.merge) {
    git(dir, ['merge', '-q', '--no-ff', '-m', commit.message, commit.merge], env);
    return;
  }
  if (commit.files) writeTree(dir, commit.files);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', commit.message], env);
}

/** `n` commits spread evenly from `start` over `days` days, each touching one file. */
export function spreadCommits(
  start: string,
  days: number,
  n: number,
  messages?: (i: number) => string,
): CommitSpec[] {
  const t0 = Date.parse(`${start}T12:00:00Z`);
  const step = n > 1 ? (days * 86_400_000) / (n - 1) : 0;
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(t0 + i * step).toISOString(),
    message: messages ? messages(i) : `Add analysis step ${i + 1} for the model`,
    files: { [`src/step_${i}.py`]: `def step_${i}():\n    return ${i}\n` },
  }));
}
