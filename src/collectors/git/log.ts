import { UnherdError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import { type GitRepoLocation, runGit } from '../../source/git.js';

/** One commit as git printed it, before authors are merged and bots told apart. */
export interface RawCommit {
  hash: string;
  parents: number;
  /** Parent hashes, to tell the default branch's history from other branches'. */
  parentHashes?: string[];
  timestamp: number;
  /** The author's UTC offset in minutes (+60 for +0100): a day of work is the author's own day. */
  tzOffsetMinutes: number;
  /** Refs pointing at this commit, full names (`HEAD -> refs/heads/main`, `refs/remotes/origin/main`). */
  refs: string[];
  name: string;
  email: string;
  subject: string;
  filesChanged: number;
  insertions: number;
  deletions: number;
  sourceInsertions: number;
  paths: string[];
}

export interface RawLog {
  commits: RawCommit[];
  truncated: boolean;
  /** Why the history was read only in part (missing objects in a partial or damaged clone), or null. */
  incomplete?: string | null;
}

/** git's words for an object the clone does not have (a partial clone, a damaged or grafted copy). */
const MISSING_OBJECTS =
  /unable to read|bad object|missing (blob|tree|commit)|could not (read|parse)|promisor|invalid object/i;

/**
 * Reads history, degrading instead of failing when objects are missing: first every branch, then
 * HEAD alone, then HEAD without line counts (numstat needs every blob; commit metadata does not).
 */
export async function readLogResilient(
  git: GitRepoLocation,
  revisions: string[],
  limits: Limits,
): Promise<RawLog> {
  const attempts: { revisions: string[]; numstat: boolean; note: string | null }[] = [
    { revisions, numstat: true, note: null },
    {
      revisions: ['HEAD'],
      numstat: true,
      note: 'other branches have objects missing; read the current branch only',
    },
    {
      revisions: ['HEAD'],
      numstat: false,
      note: 'objects are missing (a partial or damaged clone); line counts unknown',
    },
  ];
  let lastError: unknown;
  for (const [i, attempt] of attempts.entries()) {
    // HEAD alone reads the very commits the first attempt read when no branch holds a commit HEAD
    // lacks: it would fail the same way after the same diffs (seconds on a large history), so it
    // is not run.
    if (i === 1 && (await sameCommitsAsHead(git, revisions, limits))) continue;
    try {
      const log = await readLog(git, attempt.revisions, limits, attempt.numstat);
      return { ...log, incomplete: attempt.note };
    } catch (err) {
      lastError = err;
      if (!(err instanceof UnherdError) || !MISSING_OBJECTS.test(err.message)) throw err;
    }
  }
  throw lastError;
}

/**
 * True when `revisions` reach no commit beyond HEAD's history and that history is within the
 * commit cap (so no cut can make the two reads differ); false when unsure.
 */
async function sameCommitsAsHead(
  git: GitRepoLocation,
  revisions: string[],
  limits: Limits,
): Promise<boolean> {
  const count = async (args: string[]) => {
    const result = await runGit(git, ['rev-list', '--count', ...args], { timeoutMs: limits.gitTimeoutMs });
    const n = Number(result.stdout.toString('utf8').trim());
    return result.code === 0 && Number.isInteger(n) ? n : null;
  };
  try {
    const [beyond, own] = await Promise.all([count([...revisions, '--not', 'HEAD']), count(['HEAD'])]);
    return beyond === 0 && own !== null && own <= limits.maxCommits;
  } catch {
    return false;
  }
}

/** Paths kept per commit: enough to point at, bounded for a commit that adds 100,000 files. */
export const MAX_PATHS_PER_COMMIT = 200;

/** Bytes of `git log` output read; beyond this the history is cut (the newest commits are kept). */
const MAX_LOG_BYTES = 64 * 1024 * 1024;

// Free-text fields (name, email, subject) come last so a stray separator in them cannot shift
// the hash, parents or date. The header is NUL-terminated by -z and can itself contain no NUL.
const FORMAT = '%x1e%H%x1f%P%x1f%at %ai%x1f%D%x1f%an%x1f%ae%x1f%s';

/**
 * Reads history with one `git log`: no textconv, no external diff, no renames (a rename would
 * print two paths), numstat for line counts. Merge commits are listed (they print no numstat).
 */
export async function readLog(
  git: GitRepoLocation,
  revisions: string[],
  limits: Limits,
  withNumstat = true,
): Promise<RawLog> {
  const args = [
    'log',
    '--no-textconv',
    '--no-ext-diff',
    '--no-color',
    '--no-renames',
    '--no-mailmap',
    // Full ref names on each branch tip (refs/heads/…, refs/remotes/…): branches come with the log.
    '--decorate=full',
    ...(withNumstat ? ['--numstat'] : []),
    '-z',
    // One more than the cap, to tell "exactly the cap" from "cut at the cap".
    `--max-count=${limits.maxCommits + 1}`,
    `--format=${FORMAT}`,
    ...revisions,
    '--',
  ];
  const result = await runGit(git, args, { timeoutMs: limits.gitTimeoutMs, maxBytes: MAX_LOG_BYTES });
  if (result.code !== 0) {
    // git prints warnings before its fatal line; the fatal line says what went wrong.
    const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
    const fatal = lines.find((l) => l.startsWith('fatal:')) ?? lines.at(-1) ?? 'unknown error';
    throw new UnherdError(
      'GIT_FAILED',
      `git log failed: ${fatal}${lines.length > 1 ? ` (${lines[0]})` : ''}`,
    );
  }
  const commits = parseLog(result.stdout.toString('utf8'), result.truncated);
  const overCap = commits.length > limits.maxCommits;
  return {
    commits: overCap ? commits.slice(0, limits.maxCommits) : commits,
    truncated: result.truncated || overCap,
  };
}

const HEADER = /^\x1e([0-9a-f]{40,64})\x1f/;

/** Parses `git log -z --numstat` output in the format above; a cut-off last commit is dropped. */
export function parseLog(text: string, truncated = false): RawCommit[] {
  const tokens = text.split('\0');
  // The last token is '' after a complete output, or a fragment when output was cut.
  tokens.pop();
  const commits: RawCommit[] = [];
  let current: RawCommit | null = null;
  for (const raw of tokens) {
    const token = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (HEADER.test(token)) {
      current = parseHeader(token);
      if (current) commits.push(current);
      continue;
    }
    if (current && token !== '') addNumstat(current, token);
  }
  // A cut output may have lost the tail of the last commit's file list: drop it rather than undercount.
  if (truncated && commits.length > 0) commits.pop();
  return commits;
}

function parseHeader(token: string): RawCommit | null {
  const fields = token.slice(1).split('\x1f');
  if (fields.length < 7) return null;
  const [hash, parents, at, decorations, name, email] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const timestamp = Number.parseInt(at, 10);
  const zone = /([+-])(\d{2})(\d{2})\s*$/.exec(at);
  const tzOffsetMinutes = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  return {
    hash,
    parents: parents.trim() === '' ? 0 : parents.trim().split(/\s+/).length,
    parentHashes: parents.trim() === '' ? [] : parents.trim().split(/\s+/),
    timestamp: Number.isFinite(timestamp) ? timestamp : 0,
    tzOffsetMinutes,
    refs: decorations.trim() === '' ? [] : decorations.split(', ').map((r) => r.trim()),
    name: name.trim(),
    email: email.trim(),
    // A subject containing the separator keeps its text rather than losing the tail.
    subject: fields.slice(6).join(' ').trim(),
    filesChanged: 0,
    insertions: 0,
    deletions: 0,
    sourceInsertions: 0,
    paths: [],
  };
}

function addNumstat(commit: RawCommit, token: string): void {
  const firstTab = token.indexOf('\t');
  const secondTab = firstTab < 0 ? -1 : token.indexOf('\t', firstTab + 1);
  if (secondTab < 0) return;
  const added = token.slice(0, firstTab);
  const removed = token.slice(firstTab + 1, secondTab);
  const path = token.slice(secondTab + 1);
  // Binary files print '-' for both counts.
  const ins = added === '-' ? 0 : Number.parseInt(added, 10) || 0;
  const del = removed === '-' ? 0 : Number.parseInt(removed, 10) || 0;
  commit.filesChanged += 1;
  commit.insertions += ins;
  commit.deletions += del;
  if (isSourcePath(path)) commit.sourceInsertions += ins;
  if (commit.paths.length < MAX_PATHS_PER_COMMIT) commit.paths.push(path);
}

/** Extensions of files whose lines are data, exports or generated, not the candidate's writing. */
const NOT_SOURCE_EXT = new Set([
  'csv',
  'tsv',
  'json',
  'jsonl',
  'ndjson',
  'geojson',
  'xml',
  'svg',
  'txt',
  'dat',
  'data',
  'log',
  'html',
  'htm',
  'lock',
  'map',
  'arff',
]);

const NOT_SOURCE_NAME =
  /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|conda-lock\.yml)$|\.min\.(js|css)$/;

/** True when a path's inserted lines count as the candidate's own work (code, notebooks, docs, config). */
export function isSourcePath(path: string): boolean {
  if (NOT_SOURCE_NAME.test(path)) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return true;
  const ext = base.slice(dot + 1).toLowerCase();
  if (ext === 'txt' && /^requirements/i.test(base)) return true;
  return !NOT_SOURCE_EXT.has(ext);
}
