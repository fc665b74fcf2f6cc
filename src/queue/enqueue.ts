import { resolve } from 'node:path';
import { type AuditOptions, TOOL_VERSION } from '../engine/audit.js';
import type { RemoteUrl } from '../source/remote/url.js';
import { CLEAN, configHash, readRepoState } from '../store/index.js';
import { remoteHead } from './commit.js';
import { QUEUE_SCHEMA, type QueueConnection, type RetryPolicy } from './connection.js';
import { AUDIT_QUEUE, type AuditJobData, DEAD_LETTER_QUEUE, jobIdFor, type RunKey } from './job.js';
import type { ResultStore } from './results.js';

/** One thing to audit, as the user named it (the CLI's AuditTarget has this shape). */
export interface QueueTarget {
  path: string;
  remote?: RemoteUrl;
  columns?: Record<string, string>;
  /** Why it cannot be audited at all (a malformed URL): it is not enqueued. */
  error?: string;
}

export interface EnqueueOptions {
  audit: AuditOptions;
  tag: string | null;
  retry: RetryPolicy;
  /** Called as each target's commit has been looked up. */
  onProgress?: (done: number, total: number) => void;
}

export type EnqueueState =
  /** A new job. */
  | 'queued'
  /** A job with this key was already waiting, running or done: nothing new was added. */
  | 'already-queued'
  /** The job with this key had failed; it was put back in the queue for another try. */
  | 'requeued'
  /** The store already holds this run: nothing to audit. */
  | 'recorded'
  /** Not a repository address: nothing to enqueue. */
  | 'invalid';

export interface Enqueued {
  target: QueueTarget;
  state: EnqueueState;
  jobId: string | null;
  key: RunKey | null;
  reason?: string;
}

/** Commits are looked up this many at a time (each is one round trip to a git server). */
const LOOKUPS_AT_ONCE = 8;
const INSERT_BATCH = 500;

async function mapLimited<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  return out;
}

/**
 * Enqueues one audit per target, idempotently: the job id is derived from the repository, its
 * current commit, the tool version and the config, so enqueueing the same cohort twice adds
 * nothing the second time, and a run the store already holds is not enqueued at all.
 */
export async function enqueue(
  queue: QueueConnection,
  store: ResultStore,
  targets: readonly QueueTarget[],
  options: EnqueueOptions,
): Promise<Enqueued[]> {
  const hash = configHash(options.audit);
  let looked = 0;
  const planned = await mapLimited(targets, LOOKUPS_AT_ONCE, async (target): Promise<Enqueued> => {
    if (target.error !== undefined) {
      return { target, state: 'invalid', jobId: null, key: null, reason: target.error };
    }
    let key: RunKey;
    if (target.remote) {
      const commit = await remoteHead(target.remote);
      key = {
        repo: target.remote.normalised,
        commit,
        worktree: CLEAN,
        toolVersion: TOOL_VERSION,
        configHash: hash,
      };
    } else {
      const state = await readRepoState(resolve(target.path)).catch(() => null);
      key = state
        ? {
            repo: state.identity,
            commit: state.commit,
            worktree: state.worktree,
            toolVersion: TOOL_VERSION,
            configHash: hash,
          }
        : {
            repo: resolve(target.path),
            commit: null,
            worktree: CLEAN,
            toolVersion: TOOL_VERSION,
            configHash: hash,
          };
    }
    looked += 1;
    options.onProgress?.(looked, targets.length);
    // Already in the store: nothing to audit, but the run joins this cohort.
    const recorded = await store.tagIfRecorded(key, options.tag);
    return { target, state: recorded ? 'recorded' : 'queued', jobId: jobIdFor(key), key };
  });

  const toSend = planned.filter((p) => p.state === 'queued');
  const ids = [...new Set(toSend.map((p) => p.jobId!))];
  const existing = new Map<string, string>();
  for (let i = 0; i < ids.length; i += INSERT_BATCH) {
    const { rows } = await queue.pool.query<{ id: string; state: string }>(
      `SELECT id::text, state::text FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
      [AUDIT_QUEUE, ids.slice(i, i + INSERT_BATCH)],
    );
    for (const row of rows) existing.set(row.id, row.state);
  }
  const fresh = new Map<string, PgBossInsert>();
  for (const p of toSend) {
    const state = existing.get(p.jobId!);
    if (state === 'failed') p.state = 'requeued';
    else if (state !== undefined) p.state = 'already-queued';
    else if (!fresh.has(p.jobId!)) fresh.set(p.jobId!, insertOf(p, options));
    else p.state = 'already-queued';
  }
  const rows = [...fresh.values()];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    // ON CONFLICT DO NOTHING on (queue, id): a job another enqueuer added meanwhile is left alone.
    await queue.boss.insert(rows.slice(i, i + INSERT_BATCH));
  }
  const failed = [...new Set(toSend.filter((p) => p.state === 'requeued').map((p) => p.jobId!))];
  if (failed.length > 0) await queue.boss.retry(AUDIT_QUEUE, failed);
  return planned;
}

interface PgBossInsert {
  id: string;
  name: string;
  data: AuditJobData;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  deadLetter: string;
}

function insertOf(p: Enqueued, options: EnqueueOptions): PgBossInsert {
  const { target } = p;
  const data: AuditJobData = {
    format: 1,
    input: target.path,
    key: p.key!,
    options: options.audit,
    tag: options.tag,
  };
  if (target.remote) data.remote = target.remote;
  else data.path = resolve(target.path);
  if (target.columns && Object.keys(target.columns).length > 0) data.columns = target.columns;
  return {
    id: p.jobId!,
    name: AUDIT_QUEUE,
    data,
    retryLimit: options.retry.retryLimit,
    retryDelay: options.retry.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: options.retry.leaseSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  };
}
