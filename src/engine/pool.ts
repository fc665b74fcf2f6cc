import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../errors.js';
import { emptyReport } from './analyse.js';
import type { AuditOptions } from './audit.js';
import type { RepoReport } from './report.js';
import type { WorkerTask } from './worker.js';

/** The worker beside this file: `.js` when running from dist, `.ts` under tsx. */
export function defaultWorkerUrl(): URL {
  const ext = extname(fileURLToPath(import.meta.url)) || '.js';
  return new URL(`./worker${ext}`, import.meta.url);
}

/**
 * Node 20 does not pass tsx's loader on to worker threads, so under tsx (tests, `npm run dev`) the
 * worker is reached through a tiny module that registers tsx in the thread first. From dist the
 * worker is plain JavaScript and loaded directly.
 */
function loadableWorker(workerUrl: URL): string {
  if (extname(fileURLToPath(workerUrl)) !== '.ts') return workerUrl.href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const source =
    `import { register } from ${JSON.stringify(tsxApi)}; register();\n` +
    `export default (await import(${JSON.stringify(workerUrl.href)})).default;\n`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

export interface RepoPool {
  /**
   * Audits one repository in a worker; a worker crash becomes the report's `error`. With a time
   * limit, a repository still running when it passes gets an `error` and its worker is stopped
   * and replaced, so a hung parser cannot hold a thread for the rest of the run.
   */
  audit(path: string, options: AuditOptions, timeoutMs?: number): Promise<RepoReport>;
  close(): Promise<void>;
}

/** The `error` of a repository that ran out of time; says what the user can do about it. */
export function timeoutError(timeoutMs: number): string {
  return `stopped after ${formatSeconds(timeoutMs)}, the per-repository time limit (raise it with --repo-timeout)`;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function nameOf(path: string): string {
  return (
    path
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() || path
  );
}

export function createRepoPool(threads: number, workerUrl: URL = defaultWorkerUrl()): RepoPool {
  // tinypool is loaded with the first pool: a single repository, audited in this thread, never needs it.
  const ready = import('tinypool').then(({ default: Tinypool }) => {
    const pool = new Tinypool({
      filename: loadableWorker(workerUrl),
      minThreads: threads,
      maxThreads: threads,
      // A fresh worker per repository would cost a tree-sitter load each time; a crashed one is replaced.
      isolateWorkers: false,
    });
    // A worker that dies with no task in hand is replaced by tinypool; without a listener the
    // pool's 'error' event would end the whole run.
    pool.on('error', () => {});
    return pool;
  });
  return {
    async audit(path, options, timeoutMs) {
      const task: WorkerTask = { path, options };
      const limit = timeoutMs !== undefined && timeoutMs > 0 ? new AbortController() : null;
      // tinypool terminates the worker running an aborted task and starts another in its place.
      const timer = limit ? setTimeout(() => limit.abort(), timeoutMs) : null;
      try {
        const pool = await ready;
        return (await pool.run(task, limit ? { signal: limit.signal } : {})) as RepoReport;
      } catch (err) {
        if (limit?.signal.aborted) return emptyReport(path, nameOf(path), timeoutError(timeoutMs!));
        return emptyReport(
          path,
          nameOf(path),
          `the worker auditing this repository failed: ${describeError(err)}`,
        );
      } finally {
        if (timer) clearTimeout(timer);
      }
    },
    close: async () => (await ready).destroy(),
  };
}
