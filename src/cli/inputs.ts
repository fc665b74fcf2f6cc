import { open } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { emptyReport } from '../engine/analyse.js';
import {
  type AuditProgress,
  type AuditRunOptions,
  auditEach,
  auditOne,
  auditPaths,
  type ReportSink,
  selectChecks,
  TOOL_VERSION,
} from '../engine/audit.js';
import { createRepoPool } from '../engine/pool.js';
import { type RepoInput, type RepoReport, type Report, SCHEMA_VERSION } from '../engine/report.js';
import { describeError, UnherdError } from '../errors.js';
import { lazyRequire } from '../lazy-require.js';
import {
  type CloneCacheOptions,
  type ClonedRepo,
  defaultCacheDir,
  ensureClone,
} from '../source/remote/clone-cache.js';
import { listUserRepos } from '../source/remote/github.js';
import { looksRemote, parseRemoteUrl, type RemoteUrl } from '../source/remote/url.js';
import { decodeText } from '../source/text-decoding.js';

/** csv-parse, loaded only to read a `--from` list written as CSV. */
const csvParse = lazyRequire<typeof import('csv-parse/sync')>('csv-parse/sync');

/** One thing to audit, as the user named it. */
export interface AuditTarget {
  /** The path or URL exactly as given (a CLI argument, a line of a list, a cell of a CSV). */
  path: string;
  remote?: RemoteUrl;
  /** The other columns of its CSV row (name, email, …), carried into the report. */
  columns?: Record<string, string>;
  /** Why it cannot be audited at all (malformed URL, a CSV without URLs, the GitHub API failed). */
  error?: string;
}

export interface InputArgs {
  paths: readonly string[];
  /** GitHub user names whose public, non-fork repositories are audited. */
  users: readonly string[];
  /** Files listing URLs or paths: one per line, or a CSV with a URL column. */
  from: readonly string[];
  allowHttp: boolean;
  githubApi?: string;
  githubToken?: string;
}

/** A list bigger than this is not a list of applicants; it is refused rather than read whole. */
const MAX_LIST_BYTES = 8 * 1024 * 1024;

const URL_HEADERS = [
  'url',
  'repo',
  'repourl',
  'repository',
  'repositoryurl',
  'github',
  'githuburl',
  'git',
  'giturl',
  'link',
  'projecturl',
  'project',
  'path',
];

/** `github.com/owner/repo` as pasted into a form, without a scheme. */
const BARE_FORGE = /^(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\//i;

function withScheme(value: string): string {
  return BARE_FORGE.test(value) ? `https://${value.replace(/^www\./i, '')}` : value;
}

function looksLikeTarget(value: string): boolean {
  const v = value.trim();
  return v !== '' && (looksRemote(v) || BARE_FORGE.test(v) || /^(\.{0,2}\/|~\/)/.test(v));
}

/** Turns one given string into a target: a checked remote URL, or a local path. */
export function toTarget(value: string, allowHttp: boolean, columns?: Record<string, string>): AuditTarget {
  const target: AuditTarget = { path: value, ...(columns ? { columns } : {}) };
  const address = withScheme(value.trim());
  if (!looksRemote(address)) return target;
  try {
    target.remote = parseRemoteUrl(address, { allowHttp });
  } catch (err) {
    target.error = describeError(err);
  }
  return target;
}

async function readList(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_LIST_BYTES) throw new Error(`${file} is larger than ${MAX_LIST_BYTES / 1024 / 1024} MB`);
    const bytes = Buffer.alloc(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    const decoded = decodeText(bytes.subarray(0, bytesRead));
    if (decoded.encoding === 'binary') throw new Error(`${file} is not a text file`);
    return decoded.text;
  } finally {
    await handle.close();
  }
}

function delimiterOf(firstLine: string): string | null {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : null;
}

function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Rows of a list file as targets. A plain list has one URL or path per line (`#` starts a
 * comment). A CSV's URL column is found by its header name, else as the column whose cells look
 * like addresses; the other columns are carried into the report.
 */
export function parseTargetList(text: string, file: string, allowHttp: boolean): AuditTarget[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (lines.length === 0) return [{ path: file, error: `${file} lists no repositories` }];
  const delimiter = extname(file).toLowerCase() === '.txt' ? null : delimiterOf(lines[0]!);
  if (delimiter === null) return lines.map((l) => toTarget(l.trim(), allowHttp));

  let rows: string[][];
  try {
    rows = csvParse().parse(lines.join('\n'), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    return [{ path: file, error: `${file} is not a readable CSV: ${describeError(err)}` }];
  }
  const first = rows[0] ?? [];
  const hasHeader = !first.some(looksLikeTarget);
  const header = hasHeader
    ? first.map((h, i) => h || `column${i + 1}`)
    : first.map((_, i) => `column${i + 1}`);
  const body = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(header.length, ...body.map((r) => r.length));
  const share = (col: number) => {
    const values = body.map((r) => r[col] ?? '').filter((v) => v !== '');
    return values.length === 0 ? 0 : values.filter(looksLikeTarget).length / values.length;
  };
  let urlColumn = -1;
  if (hasHeader) {
    for (const wanted of URL_HEADERS) {
      urlColumn = header.findIndex((h) => headerKey(h) === wanted);
      if (urlColumn >= 0) break;
    }
  }
  if (urlColumn < 0) {
    const scores = Array.from({ length: width }, (_, col) => share(col));
    const best = scores.indexOf(Math.max(...scores));
    if (best >= 0 && scores[best]! >= 0.5) urlColumn = best;
  }
  if (urlColumn < 0) {
    return [
      {
        path: file,
        error: `${file} has no column of repository URLs (name one url, repo or repository, or put URLs in it)`,
      },
    ];
  }
  return body.map((row, i) => {
    const columns: Record<string, string> = {};
    header.forEach((name, col) => {
      if (col !== urlColumn && row[col] !== undefined) columns[name] = row[col]!;
    });
    const value = (row[urlColumn] ?? '').trim();
    if (value === '') {
      return { path: `${file}:${i + (hasHeader ? 2 : 1)}`, columns, error: 'this row has no repository URL' };
    }
    return toTarget(value, allowHttp, columns);
  });
}

/** Every target the arguments name, in order: paths, then list files, then GitHub users. */
export async function resolveTargets(args: InputArgs): Promise<AuditTarget[]> {
  const targets: AuditTarget[] = args.paths.map((p) => toTarget(p, args.allowHttp));
  for (const file of args.from) {
    try {
      targets.push(...parseTargetList(await readList(file), file, args.allowHttp));
    } catch (err) {
      targets.push({ path: file, error: `could not read the list ${file}: ${describeError(err)}` });
    }
  }
  for (const user of args.users) {
    try {
      const repos = await listUserRepos(user, { apiBase: args.githubApi, token: args.githubToken });
      if (repos.length === 0)
        targets.push({ path: `--user ${user}`, error: `${user} has no public repositories of their own` });
      for (const repo of repos) targets.push(toTarget(repo.cloneUrl, args.allowHttp));
    } catch (err) {
      targets.push({ path: `--user ${user}`, error: describeError(err) });
    }
  }
  return targets;
}

/** Asked around each repository's audit: serve it from the audit history, then record it (src/cli/record.ts). */
export interface AuditHooks {
  before(repo: { root: string; remoteIdentity?: string }): Promise<RepoReport | null>;
  after(repo: { root: string; remoteIdentity?: string }, report: RepoReport): Promise<RepoReport>;
}

export interface RemoteRunOptions extends CloneCacheOptions {
  /** Recording into the audit history, when on. */
  hooks?: AuditHooks;
  /** Clones at once; they overlap with the audits of repositories already cloned. */
  cloneConcurrency?: number;
}

/** Runs at most `n` tasks at once. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((r) => waiting.push(r));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

function keyOf(target: AuditTarget): string {
  if (target.error !== undefined) return `error:${target.path}`;
  return target.remote ? `url:${target.remote.normalised}` : `path:${resolve(target.path)}`;
}

function withInput(
  report: RepoReport,
  target: AuditTarget,
  duplicateOf: string | null,
  note: string | null,
): RepoReport {
  const input: RepoInput = {};
  if (target.remote) input.url = target.remote.cloneUrl;
  if (target.columns && Object.keys(target.columns).length > 0) input.columns = target.columns;
  if (duplicateOf !== null) input.duplicateOf = duplicateOf;
  if (note !== null) input.note = note;
  const copy: RepoReport = { ...report, path: target.path };
  if (target.remote) copy.name = target.remote.name;
  if (Object.keys(input).length > 0) copy.input = input;
  return copy;
}

/**
 * Audits every target and returns one Report in input order. Remote repositories are cloned (at
 * most `cloneConcurrency` at once) while the worker pool audits those already here. A duplicate
 * is audited once and reported for each row that named it. A target that fails — malformed URL,
 * clone refused, over the cap — is that row's `error`; the others go on.
 */
export async function auditTargets(
  targets: readonly AuditTarget[],
  options: AuditRunOptions,
  remote: RemoteRunOptions,
  onProgress?: (progress: AuditProgress) => void,
  onReport?: ReportSink,
): Promise<Report> {
  const plain = !remote.hooks && targets.every((t) => !t.remote && !t.error && !t.columns);
  if (plain && new Set(targets.map(keyOf)).size === targets.length) {
    const paths = targets.map((t) => t.path);
    if (!onReport) return auditPaths(paths, options, onProgress);
    await auditEach(paths, options, onReport, onProgress);
    return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos: [] };
  }
  const auditOptions = { config: options.config, only: options.only, skip: options.skip };
  selectChecks(auditOptions); // a usage error surfaces before any clone starts

  const firstOf = new Map<string, AuditTarget>();
  for (const t of targets) if (!firstOf.has(keyOf(t))) firstOf.set(keyOf(t), t);
  const unique = [...firstOf.values()];
  const remotes = unique.filter((t) => t.remote && !t.error).length;
  const threads = Math.max(1, Math.min(options.jobs ?? 1, unique.length));
  const pool = unique.length > 1 || options.workerUrl ? createRepoPool(threads, options.workerUrl) : null;
  const auditAt = (path: string) =>
    pool ? pool.audit(path, auditOptions, options.repoTimeoutMs) : auditOne(path, auditOptions);
  const cloneSlot = limiter(Math.max(1, remote.cloneConcurrency ?? 4));
  let cloned = 0;
  let done = 0;
  const progress = (name: string) =>
    onProgress?.({
      done,
      total: unique.length,
      path: remotes > 0 ? `cloned ${cloned}/${remotes} · ${name}` : name,
    });

  const hooked = async (
    root: string,
    remoteIdentity: string | undefined,
    path: string,
  ): Promise<RepoReport> => {
    if (!remote.hooks) return auditAt(path);
    const repo = remoteIdentity === undefined ? { root } : { root, remoteIdentity };
    return (await remote.hooks.before(repo)) ?? remote.hooks.after(repo, await auditAt(path));
  };

  const auditTarget = async (t: AuditTarget): Promise<{ report: RepoReport; note: string | null }> => {
    const name = t.remote?.name ?? t.path;
    if (t.error !== undefined) return { report: emptyReport(t.path, name, t.error), note: null };
    if (!t.remote) return { report: await hooked(resolve(t.path), undefined, t.path), note: null };
    let clone: ClonedRepo;
    try {
      clone = await cloneSlot(() => ensureClone(t.remote!, remote));
    } catch (err) {
      return {
        report: emptyReport(t.path, name, `could not clone ${t.remote.cloneUrl}: ${describeError(err)}`),
        note: null,
      };
    } finally {
      cloned += 1;
      progress(name);
    }
    const skipped = clone.info.notDownloaded.length;
    const notes = [
      clone.note,
      skipped > 0
        ? `${skipped} file(s) over ${Math.round(clone.info.notDownloaded[0]!.minBytes / 1024)} KB were not downloaded`
        : null,
    ].filter((n): n is string => n !== null);
    const report = await hooked(clone.path, t.remote.normalised, clone.path);
    return { report, note: notes.length > 0 ? notes.join('; ') : null };
  };

  // Streaming: each entry goes to the sink as its repository finishes, for every row naming it.
  const rowsOf = new Map<string, number[]>();
  if (onReport) {
    for (const [i, t] of targets.entries()) rowsOf.set(keyOf(t), [...(rowsOf.get(keyOf(t)) ?? []), i]);
  }
  let results: Map<string, { report: RepoReport; note: string | null }>;
  try {
    const settled = await Promise.all(
      unique.map(async (t) => {
        const result = await auditTarget(t);
        done += 1;
        progress(t.remote?.name ?? t.path);
        if (onReport) {
          for (const i of rowsOf.get(keyOf(t)) ?? []) {
            const row = targets[i]!;
            await onReport(withInput(result.report, row, row === t ? null : t.path, result.note), i);
          }
          return null;
        }
        return [keyOf(t), result] as const;
      }),
    );
    results = new Map(settled.filter((e) => e !== null));
  } finally {
    await pool?.close();
  }
  if (onReport)
    return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos: [] };
  const repos = targets.map((t) => {
    const key = keyOf(t);
    const first = firstOf.get(key)!;
    const { report, note } = results.get(key)!;
    return withInput(report, t, first === t ? null : first.path, note);
  });
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos };
}

/** The audit command's input options, as commander parses them. */
export interface InputFlags {
  user?: string[];
  from?: string[];
  allowHttp?: boolean;
  cacheDir?: string;
  refresh?: boolean;
  githubApi?: string;
  /** Seconds. */
  cloneTimeout?: number;
  /** Megabytes. */
  maxCloneSize?: number;
  cloneJobs?: number;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number above 0');
  return n;
}

/** Registers the options that name what to audit besides local folders. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--user <name>', "a GitHub user's public, non-fork repositories (repeatable)", collect)
    .option(
      '--from <file>',
      'a list of URLs or paths: one per line, or a CSV with a URL column (repeatable)',
      collect,
    )
    .option('--allow-http', 'allow plain http:// remotes (a server on your own network)')
    .option('--cache-dir <dir>', 'where clones are kept (default $XDG_CACHE_HOME/unherd or ~/.cache/unherd)')
    .option(
      '--refresh',
      'clone again instead of updating cached clones, and audit again what the history holds',
    )
    .option('--github-api <url>', 'GitHub API root (GitHub Enterprise, tests)')
    .option('--clone-timeout <seconds>', 'time one clone may take', positive)
    .option('--max-clone-size <MB>', 'disk space one clone may take', positive)
    .option('--clone-jobs <n>', 'repositories cloned at once', positive);
}

/** What to audit, from the command's arguments; nothing at all is a usage error. */
export function inputArgs(paths: readonly string[], flags: InputFlags, env: NodeJS.ProcessEnv): InputArgs {
  const users = flags.user ?? [];
  const from = flags.from ?? [];
  if (paths.length === 0 && users.length === 0 && from.length === 0) {
    throw new UnherdError(
      'USAGE',
      'nothing to audit',
      'give a folder or URL, --user <name> or --from <file>',
    );
  }
  return {
    paths,
    users,
    from,
    allowHttp: flags.allowHttp === true,
    githubApi: flags.githubApi,
    githubToken: env.GITHUB_TOKEN || undefined,
  };
}

export function remoteOptions(flags: InputFlags, env: NodeJS.ProcessEnv): RemoteRunOptions {
  return {
    cacheDir: resolve(flags.cacheDir ?? defaultCacheDir(env)),
    refresh: flags.refresh === true,
    timeoutMs: flags.cloneTimeout === undefined ? undefined : flags.cloneTimeout * 1000,
    maxBytes: flags.maxCloneSize === undefined ? undefined : flags.maxCloneSize * 1024 * 1024,
    cloneConcurrency: flags.cloneJobs === undefined ? 4 : Math.max(1, Math.floor(flags.cloneJobs)),
  };
}
