import { AUDIT_QUEUE, DEAD_LETTER_QUEUE, QUEUE_SCHEMA } from './job.js';

/** Runs one read statement: a pg pool, or the store's connection (the dashboard's). */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** What the status reads from: a queue connection's pool. Nothing here writes or needs pg-boss. */
export interface StatusSource {
  pool: Queryable;
}

export interface StateCounts {
  /** Waiting for a worker, first attempt or a retry after its backoff. */
  queued: number;
  active: number;
  done: number;
  failed: number;
}

export interface DeadLetter {
  input: string;
  reason: string;
  tag: string | null;
}

export interface QueueStatus extends StateCounts {
  deadLetter: DeadLetter[];
  /** The same counts per --tag (cohort); jobs enqueued without a tag are under "". */
  tags: ({ tag: string } & StateCounts)[];
}

const JOBS = `
  SELECT id, data, state FROM ${QUEUE_SCHEMA}.job WHERE name = $1
  UNION ALL
  SELECT a.id, a.data, a.state FROM ${QUEUE_SCHEMA}.archive a
  WHERE a.name = $1
    AND NOT EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j WHERE j.name = $1 AND j.id = a.id)`;

/** pg-boss's state, as the four words the status speaks. */
function bucketOf(state: string): keyof StateCounts | null {
  if (state === 'created' || state === 'retry') return 'queued';
  if (state === 'active') return 'active';
  if (state === 'completed') return 'done';
  if (state === 'failed') return 'failed';
  return null;
}

/** The reason pg-boss or the worker left in a failed job's output. */
export function reasonOf(output: unknown): string {
  const o = (output ?? {}) as { reason?: unknown; message?: unknown; value?: { message?: unknown } };
  if (typeof o.reason === 'string') return o.reason;
  if (typeof o.value?.message === 'string') {
    // pg-boss's own words when a lease ran out: say what that means here.
    return o.value.message.includes('timeout in active state')
      ? 'no worker finished it within its lease (the worker died, or the audit took too long)'
      : o.value.message;
  }
  if (typeof o.message === 'string') return o.message;
  return 'unknown reason';
}

/**
 * Counts of the audit queue by state, overall and per tag, and the dead-letter list: each input
 * whose job is failed for good, with the reason. An input enqueued again and retried leaves the list.
 */
export async function queueStatus(queue: StatusSource): Promise<QueueStatus> {
  const counts = await queue.pool.query<{ tag: string; state: string; n: number }>(
    `SELECT coalesce(data->>'tag', '') AS tag, state::text AS state, count(*)::int AS n
     FROM (${JOBS}) t GROUP BY 1, 2 ORDER BY 1`,
    [AUDIT_QUEUE],
  );
  const total: StateCounts = { queued: 0, active: 0, done: 0, failed: 0 };
  const byTag = new Map<string, StateCounts>();
  for (const row of counts.rows) {
    const bucket = bucketOf(row.state);
    if (!bucket) continue;
    total[bucket] += row.n;
    const t = byTag.get(row.tag) ?? { queued: 0, active: 0, done: 0, failed: 0 };
    t[bucket] += row.n;
    byTag.set(row.tag, t);
  }
  const dead = await queue.pool.query<{ input: string; tag: string | null; output: unknown }>(
    `SELECT d.data->>'input' AS input, d.data->>'tag' AS tag, d.output
     FROM ${QUEUE_SCHEMA}.job d
     WHERE d.name = $2
       AND EXISTS (SELECT 1 FROM (${JOBS}) j WHERE j.state = 'failed' AND j.data->'key' = d.data->'key')
     ORDER BY d.created_on, d.id`,
    [AUDIT_QUEUE, DEAD_LETTER_QUEUE],
  );
  // A job dead-lettered, re-enqueued and failed again is listed once, with its latest reason, in the
  // place of its latest failure (a Map keeps insertion order; deleting first moves the entry last).
  const latest = new Map<string, DeadLetter>();
  for (const row of dead.rows) {
    latest.delete(row.input);
    latest.set(row.input, { input: row.input, reason: reasonOf(row.output), tag: row.tag });
  }
  return {
    ...total,
    deadLetter: [...latest.values()],
    tags: [...byTag.entries()].map(([tag, c]) => ({ tag, ...c })),
  };
}

/**
 * The status when the queue's tables are in this database, else null (a store no one has enqueued
 * into). Reads only: the dashboard calls it, and never creates the queue's schema.
 */
export async function queueStatusIfPresent(db: Queryable): Promise<QueueStatus | null> {
  const { rows } = await db.query<{ present: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS present`,
    [`${QUEUE_SCHEMA}.job`, `${QUEUE_SCHEMA}.archive`],
  );
  if (rows[0]?.present !== true) return null;
  return queueStatus({ pool: db });
}

export interface JobState {
  state: string;
  output: unknown;
}

/** The state and output of each job id (archived ones included); an id not found is absent. */
export async function jobStates(queue: StatusSource, ids: readonly string[]): Promise<Map<string, JobState>> {
  const found = new Map<string, JobState>();
  for (let i = 0; i < ids.length; i += 1000) {
    const { rows } = await queue.pool.query<{ id: string; state: string; output: unknown }>(
      `SELECT id::text, state::text, output FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT a.id::text, a.state::text, a.output FROM ${QUEUE_SCHEMA}.archive a
       WHERE a.name = $1 AND a.id = ANY($2::uuid[])
         AND NOT EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j WHERE j.name = $1 AND j.id = a.id)`,
      [AUDIT_QUEUE, ids.slice(i, i + 1000)],
    );
    for (const row of rows) found.set(row.id, { state: row.state, output: row.output });
  }
  return found;
}

/** True once a job will not change again by itself. */
export function isFinal(state: string): boolean {
  return state === 'completed' || state === 'failed' || state === 'cancelled';
}
