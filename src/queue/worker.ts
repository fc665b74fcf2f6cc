import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type PgBoss from 'pg-boss';
import { TOOL_VERSION } from '../engine/audit.js';
import { createRepoPool, type RepoPool } from '../engine/pool.js';
import type { RepoInput, RepoReport } from '../engine/report.js';
import { describeError } from '../errors.js';
import { type CloneCacheOptions, ensureClone } from '../source/remote/clone-cache.js';
import { parseRemoteUrl, type RemoteUrl } from '../source/remote/url.js';
import { CLEAN, readRepoState } from '../store/index.js';
import { QUEUE_SCHEMA, type QueueConnection } from './connection.js';
import { againOnConnectionLoss, asJobFailure, classifyCloneError, JobFailure } from './failure.js';
import { AUDIT_QUEUE, type AuditJobData, type AuditJobOutput, keyText, type RunKey } from './job.js';
import type { ResultStore, ResultTransaction, SqlRunner } from './results.js';

export interface WorkerOptions {
  /** Jobs worked on at once; each audit runs in its own thread. */
  concurrency: number;
  /** How long an idle slot waits before asking for work again (pg-boss 10 polls). */
  pollIntervalMs: number;
  /** On shutdown, how long jobs in hand may take to finish before they are handed back. */
  graceMs: number;
  clone: CloneCacheOptions;
  /** Milliseconds one audit may take; past it the repository is dead-lettered with the reason. */
  repoTimeoutMs: number;
  /** Accept plain http:// remotes (a git server on the team's own network). */
  allowHttp: boolean;
  /**
   * Folders under which local paths may be audited. Anyone who can write to the queue chooses
   * what a worker reads, so a worker reads no local folder unless it was told where it may.
   */
  localRoots: readonly string[];
  /** One line per job and per problem, for the operator. */
  onEvent?: (event: WorkerEvent) => void;
  /** Audit module for the threads (tests use it to slow audits down). */
  workerUrl?: URL;
}

export type WorkerEvent =
  | { type: 'recorded' | 'cached'; input: string; key: RunKey; ms: number; timings: JobTimings }
  /** `final`: no retry follows (a permanent failure, or the last attempt); the job is dead-lettered. */
  | { type: 'failed'; input: string; reason: string; final: boolean; attempt: number; attempts: number }
  | { type: 'lost'; input: string; reason: string }
  | { type: 'returned'; input: string }
  | { type: 'error'; message: string };

/**
 * Where one job's time went, in milliseconds. `fetch` and `complete` are the queue's own cost;
 * `record` is the store's write (with the lock and the cache look-up), `source` the clone or HEAD read.
 */
export interface JobTimings {
  fetch: number;
  source: number;
  audit: number;
  record: number;
  complete: number;
}

export interface WorkerSummary {
  recorded: number;
  cached: number;
  failed: number;
  /** Jobs handed back on shutdown, to be run again by another worker. */
  returned: number;
}

/** The real path of a local folder when it lies under one of the roots; a permanent failure otherwise. */
async function allowedLocalPath(path: string, roots: readonly string[]): Promise<string> {
  if (roots.length === 0) {
    throw new JobFailure(
      `${path} is a local folder and this worker audits local folders only under --allow-local roots`,
      true,
    );
  }
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new JobFailure(`No such folder: ${path}`, true);
  }
  for (const root of roots) {
    const base = await realpath(root).catch(() => resolve(root));
    const rel = relative(base, real);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return real;
  }
  throw new JobFailure(`${path} is outside the folders this worker may audit (--allow-local)`, true);
}

/** Raised inside the result transaction when the job is no longer ours, so the result is rolled back. */
class LeaseLost extends Error {}

export interface RunningWorker {
  /** Stops taking jobs; resolves once the jobs in hand are finished or handed back. */
  stop(): Promise<WorkerSummary>;
  /** Resolves when the worker has stopped (after `stop`). */
  done: Promise<WorkerSummary>;
}

type Job = PgBoss.JobWithMetadata<AuditJobData>;

/** Sleeps, but wakes at once when the signal fires. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function withInput(report: RepoReport, data: AuditJobData, note: string | null): RepoReport {
  const input: RepoInput = {};
  if (data.remote) input.url = data.remote.cloneUrl;
  if (data.columns && Object.keys(data.columns).length > 0) input.columns = data.columns;
  if (note !== null) input.note = note;
  const copy: RepoReport = { ...report, path: data.input };
  if (data.remote) copy.name = data.remote.name;
  if (Object.keys(input).length > 0) copy.input = input;
  return copy;
}

/**
 * Takes audit jobs until stopped: clone through the clone cache, audit in a thread, then write
 * the result and complete the job in one transaction. A result is committed only while the job
 * is still this worker's (completion affects one active row); otherwise it is rolled back, so a
 * job re-run after its lease expired still leaves exactly one recorded result.
 */
export function startWorker(
  queue: QueueConnection,
  store: ResultStore,
  options: WorkerOptions,
): RunningWorker {
  const { boss, pool: db } = queue;
  const stopping = new AbortController();
  const repoPool: RepoPool = createRepoPool(Math.max(1, options.concurrency), options.workerUrl);
  const inHand = new Map<string, Job>();
  const summary: WorkerSummary = { recorded: 0, cached: 0, failed: 0, returned: 0 };
  const emit = (event: WorkerEvent) => options.onEvent?.(event);

  /**
   * Completes the job on the result's transaction. On a second try (the first lost its
   * connection) the first may have committed with only its answer lost: the job is then already
   * completed, with its result, and this try records nothing more.
   */
  const complete = async (tx: SqlRunner, job: Job, output: AuditJobOutput, attempt: number) => {
    const t0 = performance.now();
    const result = (await boss.complete(AUDIT_QUEUE, job.id, output, { db: tx })) as unknown as {
      affected: number;
    };
    if (result.affected !== 1) {
      const done =
        attempt > 0 &&
        (
          await tx.executeSql(
            `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2 AND state = 'completed'`,
            [AUDIT_QUEUE, job.id],
          )
        ).rows.length === 1;
      if (!done) throw new LeaseLost('the job was no longer this worker’s (its lease expired)');
    }
    return performance.now() - t0;
  };

  /** Says once per job that the database connection was lost and the statement is run again. */
  const onLost = (input: string, what: string) => (err: unknown, attempt: number) => {
    if (attempt === 0)
      emit({
        type: 'error',
        message: `lost the database connection while ${what} ${input} (${describeError(err)}); trying again`,
      });
  };

  /** Fails the job; a permanent failure uses up its retries first, so pg-boss dead-letters it now. */
  const fail = (job: Job, failure: JobFailure) =>
    againOnConnectionLoss(() => failOnce(job, failure), onLost(job.data?.input ?? job.id, 'failing'));

  /** One try: a second one after a lost commit finds the job no longer active and changes nothing. */
  const failOnce = async (job: Job, failure: JobFailure) => {
    const output: AuditJobOutput = {
      outcome: 'failed',
      reason: failure.message,
      permanent: failure.permanent,
    };
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      if (failure.permanent) {
        await client.query(
          `UPDATE ${QUEUE_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`,
          [AUDIT_QUEUE, job.id],
        );
      }
      const tx: SqlRunner = { executeSql: (text, values) => client.query(text, values) };
      await boss.fail(AUDIT_QUEUE, job.id, output, { db: tx });
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };

  const handle = async (job: Job, fetchMs: number) => {
    const data = job.data;
    const started = performance.now();
    const timings: JobTimings = { fetch: fetchMs, source: 0, audit: 0, record: 0, complete: 0 };
    if (data?.format !== 1)
      throw new JobFailure('the job was written by an incompatible unherd version', true);
    let path: string;
    let note: string | null = null;
    // The run is recorded under what was audited: this worker's version, the state it saw.
    let key: RunKey;
    if (data.remote) {
      // The payload is not trusted: the address is checked again as this worker's policy says.
      let remote: RemoteUrl;
      try {
        remote = parseRemoteUrl(data.remote.cloneUrl, { allowHttp: options.allowHttp });
      } catch (err) {
        throw new JobFailure(describeError(err), true);
      }
      try {
        const clone = await ensureClone(remote, options.clone);
        path = clone.path;
        key = { ...data.key, commit: clone.info.commit, worktree: CLEAN, toolVersion: TOOL_VERSION };
        const skipped = clone.info.notDownloaded.length;
        note =
          [
            clone.note,
            skipped > 0
              ? `${skipped} file(s) over ${Math.round(clone.info.notDownloaded[0]!.minBytes / 1024)} KB were not downloaded`
              : null,
          ]
            .filter((n): n is string => n !== null)
            .join('; ') || null;
      } catch (err) {
        throw classifyCloneError(err, remote.cloneUrl);
      }
    } else {
      path = await allowedLocalPath(data.path ?? data.input, options.localRoots);
      const state = await readRepoState(path);
      key = {
        ...data.key,
        repo: state.identity === path ? data.key.repo : state.identity,
        commit: state.commit,
        worktree: state.worktree,
        toolVersion: TOOL_VERSION,
      };
    }
    timings.source = performance.now() - started;
    const finish = async (report: RepoReport | null) => {
      const t0 = performance.now();
      // The audit is done: a connection lost while writing its result costs a reconnect, not the
      // job's lease (which may be many minutes) nor a retry of the audit.
      const outcome = await againOnConnectionLoss(
        (attempt) =>
          store.transaction(async (tx: ResultTransaction) => {
            // Two jobs can reach one key (a push between two enqueues); the lock makes them take turns.
            await tx.executeSql('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [keyText(key)]);
            const already = await tx.tagIfRecorded(key, data.tag);
            if (!already && report) await tx.record(report, key, data.tag);
            const out: AuditJobOutput = {
              // On a retry, a result already there is most likely the first try's, committed unanswered.
              outcome: !report || (already && attempt === 0) ? 'cached' : 'recorded',
              key,
              score: report?.score ?? null,
              note,
            };
            timings.complete = await complete(tx, job, out, attempt);
            return out.outcome;
          }),
        onLost(data.input, 'recording'),
      );
      timings.record = performance.now() - t0 - timings.complete;
      summary[outcome] += 1;
      emit({ type: outcome, input: data.input, key, ms: performance.now() - started, timings });
    };
    if (await againOnConnectionLoss(() => store.has(key), onLost(data.input, 'looking up')))
      return finish(null);
    const auditStart = performance.now();
    const report = await repoPool.audit(path, data.options, options.repoTimeoutMs);
    timings.audit = performance.now() - auditStart;
    // A folder that is gone, not a folder, unreadable, or past the time limit: another try will not help.
    if (report.error !== null) throw new JobFailure(report.error, true);
    await finish(withInput(report, data, note));
  };

  const work = async (job: Job, fetchMs: number) => {
    inHand.set(job.id, job);
    try {
      await handle(job, fetchMs);
    } catch (err) {
      if (err instanceof LeaseLost) {
        emit({ type: 'lost', input: job.data?.input ?? job.id, reason: err.message });
        return;
      }
      if (stopping.signal.aborted && !inHand.has(job.id)) return; // already handed back
      const failure = asJobFailure(err);
      try {
        await fail(job, failure);
        summary.failed += 1;
        emit({
          type: 'failed',
          input: job.data?.input ?? job.id,
          reason: failure.message,
          final: failure.permanent || job.retryCount >= job.retryLimit,
          attempt: job.retryCount + 1,
          attempts: job.retryLimit + 1,
        });
      } catch (failErr) {
        // The database is unreachable: the job stays active and is retried once its lease expires.
        emit({ type: 'error', message: `could not record the failure of a job: ${describeError(failErr)}` });
      }
    } finally {
      inHand.delete(job.id);
    }
  };

  const slot = async () => {
    while (!stopping.signal.aborted) {
      let jobs: Job[] = [];
      const t0 = performance.now();
      try {
        jobs = await boss.fetch<AuditJobData>(AUDIT_QUEUE, { batchSize: 1, includeMetadata: true });
      } catch (err) {
        emit({ type: 'error', message: `could not fetch a job: ${describeError(err)}` });
      }
      const job = jobs[0];
      if (!job) {
        await pause(options.pollIntervalMs, stopping.signal);
        continue;
      }
      await work(job, performance.now() - t0);
    }
  };

  const slots = Array.from({ length: Math.max(1, options.concurrency) }, () => slot());
  let stopped: Promise<WorkerSummary> | null = null;
  let resolveDone: (s: WorkerSummary) => void = () => {};
  const done = new Promise<WorkerSummary>((resolve) => {
    resolveDone = resolve;
  });

  const stop = () => {
    stopped ??= (async () => {
      stopping.abort();
      const finished = Promise.all(slots);
      const inTime = await Promise.race([
        finished.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), options.graceMs).unref()),
      ]);
      if (!inTime) {
        // Hand back what is still running, as a failed attempt pg-boss retries (after its backoff).
        const left = [...inHand.values()];
        inHand.clear();
        for (const job of left) {
          try {
            await fail(job, new JobFailure('the worker shut down before the audit finished', false));
            summary.returned += 1;
            emit({ type: 'returned', input: job.data?.input ?? job.id });
          } catch (err) {
            emit({ type: 'error', message: `could not hand a job back: ${describeError(err)}` });
          }
        }
      }
      await repoPool.close().catch(() => {});
      resolveDone(summary);
      return summary;
    })();
    return stopped;
  };

  return { stop, done };
}
