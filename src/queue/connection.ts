import pg from 'pg';
import PgBoss from 'pg-boss';
import { UnherdError } from '../errors.js';
import { AUDIT_QUEUE, DEAD_LETTER_QUEUE, QUEUE_SCHEMA } from './job.js';

export { QUEUE_SCHEMA };

/** How jobs are retried and leased; set on every job explicitly, not left to pg-boss's defaults. */
export interface RetryPolicy {
  /** Retries after the first attempt (pg-boss's docs and its table default disagree, so always set). */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) for each one after. */
  retryDelaySeconds: number;
  /**
   * Seconds a worker holds a job. A job still active after this is failed by maintenance and
   * retried: this is how the job of a worker that died is picked up again.
   */
  leaseSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retryLimit: 3,
  retryDelaySeconds: 30,
  // Twice the clone timeout plus a slow audit: a live worker never loses a job it is working on.
  leaseSeconds: 15 * 60,
};

/** Advisory lock key held while pg-boss's schema and our queues are set up (any fixed 64-bit number). */
const SETUP_LOCK = 7_304_512_833_019;

/** A successfully audited job stays findable by its id (and so deduplicates) this long. */
const KEEP_DONE_SECONDS = 7 * 24 * 3600;

export interface ConnectOptions {
  /** Run pg-boss maintenance (expiry of leases, archiving) from this process. Workers do; enqueuers need not. */
  supervise: boolean;
  /** Seconds between maintenance runs, where a dead worker's expired lease is noticed. */
  maintenanceIntervalSeconds?: number;
  /** Connections this process may hold for the queue. */
  poolSize?: number;
  /** Where a database error that is not any one call's error goes (a dropped idle connection). */
  onError: (err: Error) => void;
}

/** What the rest of the queue code needs from the database: pg-boss and a pool for its own statements. */
export interface QueueConnection {
  boss: PgBoss;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** True for a postgres:// or postgresql:// URL. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * Connects pg-boss over a pool this module owns (so transactions and status queries share it),
 * installs or migrates pg-boss's schema, and creates the audit queue and its dead-letter queue
 * (v10 refuses to send to a queue that does not exist). Safe to run from many machines at once.
 */
export async function connectQueue(url: string, options: ConnectOptions): Promise<QueueConnection> {
  if (!isPostgresUrl(url)) {
    throw new UnherdError(
      'USAGE',
      'the queue needs a PostgreSQL database',
      'give --db postgres://user@host/database; an SQLite store cannot be shared by several machines',
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    application_name: 'unherd-queue',
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server dropped emits here; without a listener it would end the process.
  pool.on('error', (err) => options.onError(err));
  // pg-pool listens only to idle clients: one checked out (a transaction between two statements,
  // or a query that just failed and is not yet released) whose server goes away emits 'error'
  // with no listener, which ends the process. The failing statement reports it instead.
  pool.on('connect', (client) => client.on('error', () => {}));
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: QUEUE_SCHEMA,
    supervise: options.supervise,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    archiveCompletedAfterSeconds: KEEP_DONE_SECONDS,
    archiveFailedAfterSeconds: KEEP_DONE_SECONDS,
    deleteAfterDays: 90,
  });
  boss.on('error', (err: Error) => options.onError(err));
  // Installing pg-boss's schema and creating the queues from two machines at once can deadlock
  // (each creates and attaches a partition): the first to start sets up, the others wait.
  let setup: pg.PoolClient | null = null;
  try {
    setup = await pool.connect();
    await setup.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    await boss.start();
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 0 });
    await boss.createQueue(AUDIT_QUEUE, {
      name: AUDIT_QUEUE,
      policy: 'standard',
      retryLimit: DEFAULT_RETRY.retryLimit,
      retryDelay: DEFAULT_RETRY.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: DEFAULT_RETRY.leaseSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
    });
    await setup.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]);
    setup.release();
    setup = null;
  } catch (err) {
    setup?.release(true);
    await boss.stop({ graceful: false, close: false }).catch(() => {});
    await pool.end().catch(() => {});
    throw new UnherdError(
      'USAGE',
      `could not open the queue in ${redactUrl(url)}: ${(err as Error).message}`,
      'is PostgreSQL running and does the database exist?',
    );
  }
  return {
    boss,
    pool,
    async close() {
      await boss.stop({ graceful: false, close: false, wait: true }).catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
