/**
 * Distributed audits on pg-boss over the team's PostgreSQL (docs/adr/0008-queue.md): the only
 * door to the queue. Enqueue idempotently, run a worker, follow jobs, read the status.
 */
export {
  connectQueue,
  DEFAULT_RETRY,
  isPostgresUrl,
  type QueueConnection,
  type RetryPolicy,
} from './connection.js';
export { type Enqueued, type EnqueueState, enqueue, type QueueTarget } from './enqueue.js';
export type { JobFailure } from './failure.js';
export { AUDIT_QUEUE, DEAD_LETTER_QUEUE, jobIdFor, type RunKey } from './job.js';
export type { ResultStore, ResultTransaction, SqlRunner } from './results.js';
export { type DeadLetter, type QueueStatus, queueStatus } from './status.js';
export { reportsFor, waitForJobs } from './wait.js';
export {
  type RunningWorker,
  startWorker,
  type WorkerEvent,
  type WorkerOptions,
  type WorkerSummary,
} from './worker.js';
