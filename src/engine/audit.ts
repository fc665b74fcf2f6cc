import { basename } from 'node:path';
import { ALL_CHECKS } from '../checks/index.js';
import type { AnyCheck } from '../checks/types.js';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { describeError, UnherdError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { analyseRepo, emptyReport } from './analyse.js';
import { createRepoPool } from './pool.js';
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

/**
 * Audits every path and returns one Report with the repositories in input order. One path runs
 * in-process; several run in a worker pool so one repository's crash cannot take the others down.
 * The output depends only on the inputs: no timings, no dates, no order of completion.
 */
export async function auditPaths(
  paths: readonly string[],
  options: AuditRunOptions = {},
  onProgress?: (progress: AuditProgress) => void,
): Promise<Report> {
  const auditOptions: AuditOptions = { config: options.config, only: options.only, skip: options.skip };
  selectChecks(auditOptions); // a usage error surfaces before any work starts
  let done = 0;
  const finished = (report: RepoReport) => {
    done += 1;
    onProgress?.({ done, total: paths.length, path: report.path });
    return report;
  };

  let repos: RepoReport[];
  if (paths.length <= 1 && !options.workerUrl) {
    repos = await Promise.all(paths.map(async (p) => finished(await auditOne(p, auditOptions))));
  } else {
    const threads = Math.max(1, Math.min(options.jobs ?? 1, paths.length));
    const pool = createRepoPool(threads, options.workerUrl);
    try {
      repos = await Promise.all(paths.map(async (p) => finished(await pool.audit(p, auditOptions))));
    } finally {
      await pool.close();
    }
  }
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'unherd', version: TOOL_VERSION }, repos };
}
