import { basename } from 'node:path';
import { ALL_CHECKS } from '../checks/index.js';
import type { AnyCheck } from '../checks/types.js';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { describeError, UnherdError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { analyseRepo, emptyReport } from './analyse.js';
import { createRepoPool, timeoutError } from './pool.js';
import { type RepoReport, type Report, SCHEMA_VERSION } from './report.js';

/** Everything a worker needs to audit one repository; plain data, so it crosses thread boundaries. */
export interface AuditOptions {
  config?: Config;
  /** Run only these check codes (or names). */
  only?: readonly string[];
  /** Leave out these check codes (or names). */
  skip?: readonly string[];
}

export interface AuditRunOptions extends AuditOptions {
  /** Repositories audited at once when there are several; defaults to 1. */
  jobs?: number;
  /**
   * Milliseconds one repository may take before it gets an `error` and the run goes on; 0 or
   * undefined for no limit. In the worker pool the worker is stopped and replaced; a single
   * repository audited in this thread is abandoned at the limit (its pending work is not stopped).
   */
  repoTimeoutMs?: number;
  /** Worker module to use instead of the built-in one (tests use it to simulate a crash). */
  workerUrl?: URL;
}

export interface AuditProgress {
  done: number;
  total: number;
  /** The repository that just finished. */
  path: string;
}

export { TOOL_VERSION };

/** The checks a run uses: all of them, narrowed by `only` and `skip`. Unknown codes are a usage error. */
export function selectChecks(options: AuditOptions, all: readonly AnyCheck[] = ALL_CHECKS): AnyCheck[] {
  const known = new Set(all.flatMap((c) => [c.code.toUpperCase(), c.name.toUpperCase()]));
  const normalise = (codes: readonly string[] | undefined, flag: string) => {
    const wanted = new Set((codes ?? []).map((c) => c.trim().toUpperCase()).filter((c) => c !== ''));
    const unknown = [...wanted].filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw new UnherdError(
        'USAGE',
        `${flag}: unknown check ${unknown.join(', ')}`,
        'run `unherd checks` to list the codes',
      );
    }
    return wanted;
  };
  const only = normalise(options.only, '--only');
  const skip = normalise(options.skip, '--skip');
  const matches = (set: Set<string>, c: AnyCheck) =>
    set.has(c.code.toUpperCase()) || set.has(c.name.toUpperCase());
  return all.filter((c) => (only.size === 0 || matches(only, c)) && !matches(skip, c));
}

export function repoName(path: string): string {
  return basename(path.replace(/[\\/]+$/, '')) || path;
}

/** Audits one repository in this thread. Never throws: a failure becomes the report's `error`. */
export async function auditOne(path: string, options: AuditOptions): Promise<RepoReport> {
  try {
    const report = await analyseRepo(path, {
      config: options.config ?? DEFAULT_CONFIG,
      checks: selectChecks(options),
    });
    // `unherd audit .` should be called after the folder, not "."
    if (report.root && /^\.\.?$/.test(report.name)) report.name = basename(report.root);
    return report;
  } catch (err) {
    return emptyReport(path, repoName(path), `internal error while auditing: ${describeError(err)}`);
  }
}

/** The per-repository time limit when none is given: generous for a large real repository. */
export const DEFAULT_REPO_TIMEOUT_MS = 180_000;

/** Receives each repository's report as it finishes, with its position in the input (from 0). */
export type ReportSink = (report: RepoReport, index: number) => void | Promise<void>;

/**
 * Audits every path and hands each report to `onReport` as it finishes, in the order they finish;
 * `index` is the report's position in `paths`. No report is kept once the sink has returned, so
 * memory does not grow with the number of repositories. At most `jobs` repositories are in
 * flight, and the next starts only when the sink's promise settles: a slow reader of the output
 * slows the audit instead of filling memory. One path runs in this thread; several in a worker pool.
 */
export async function auditEach(
  paths: readonly string[],
  options: AuditRunOptions,
  onReport: ReportSink,
  onProgress?: (progress: AuditProgress) => void,
): Promise<void> {
  const auditOptions: AuditOptions = { config: options.config, only: options.only, skip: options.skip };
  selectChecks(auditOptions); // a usage error surfaces before any work starts
  const timeoutMs = options.repoTimeoutMs;
  const inProcess = paths.length <= 1 && !options.workerUrl;
  const threads = Math.max(1, Math.min(options.jobs ?? 1, paths.length));
  const pool = inProcess ? null : createRepoPool(threads, options.workerUrl);
  const auditAt = (path: string) =>
    pool
      ? pool.audit(path, auditOptions, timeoutMs)
      : withTimeLimit(path, auditOne(path, auditOptions), timeoutMs);
  let done = 0;
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const index = next++;
      const report = await auditAt(paths[index]!);
      done += 1;
      onProgress?.({ done, total: paths.length, path: report.path });
      await onReport(report, index);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    await pool?.close();
  }
}

/** In this thread a time limit can only abandon the audit: what is running finishes in the background. */
async function withTimeLimit(
  path: string,
  audit: Promise<RepoReport>,
  timeoutMs: number | undefined,
): Promise<RepoReport> {
  if (timeoutMs === undefined || timeoutMs <= 0) return audit;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<RepoReport>((resolve) => {
    timer = setTimeout(() => resolve(emptyReport(path, repoName(path), timeoutError(timeoutMs))), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([audit, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Audits every path and returns one Report with the repositories in input order. One path runs
 * in-process; several run in a worker pool so one repository's crash cannot take the others down.
 * The output depends only on the inputs: no timings, no dates, no order of completion. It holds
 * every report until the end; `auditEach` streams them instead.
 */
export async function auditPaths(
  paths: readonly string[],
  options: AuditRunOptions = {},
  onProgress?: (progress: AuditProgress) => void,
): Promise<Report> {
  const repos: RepoReport[] = new Array(paths.length);
  await auditEach(
    paths,
    options,
    (report, index) => {
      repos[index] = report;
    },
    onProgress,
  );
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos };
}
