import { describeError, UnherdError } from '../errors.js';

/**
 * Why a job did not finish, and whether trying again could help. Permanent failures go to the
 * dead-letter queue at once; transient ones are retried with backoff until the queue's retry limit,
 * and then dead-lettered too.
 */
export class JobFailure extends Error {
  readonly permanent: boolean;
  constructor(reason: string, permanent: boolean) {
    super(reason);
    this.name = 'JobFailure';
    this.permanent = permanent;
  }
}

/** What git says when the repository is not there or not public: no retry will change it. */
const GONE = /no repository at this address|private or needs a login|refusing /i;

/**
 * Sorts a clone error. Missing, private or refused addresses and repositories over the size cap
 * are permanent; timeouts, unreachable servers and anything unexpected (a disk hiccup, a lock held
 * by a run on this machine) are worth another try.
 */
export function classifyCloneError(err: unknown, url: string): JobFailure {
  const reason = `could not clone ${url}: ${describeError(err)}`;
  if (err instanceof UnherdError) {
    if (err.code === 'LIMIT' || err.code === 'USAGE') return new JobFailure(reason, true);
    if (err.code === 'GIT_FAILED' && GONE.test(err.message)) return new JobFailure(reason, true);
  }
  return new JobFailure(reason, false);
}

/** Any error thrown while handling a job, as a failure: unknown errors are transient. */
export function asJobFailure(err: unknown): JobFailure {
  return err instanceof JobFailure ? err : new JobFailure(describeError(err), false);
}

/** SQLSTATEs that mean the server went away or is not accepting connections yet. */
const LOST_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const LOST_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** node-postgres's and pg-pool's own words for a connection that died or could not be made. */
const LOST_WORDS =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i;

/**
 * True when a statement failed because the connection to PostgreSQL was lost (the server
 * restarted, an administrator terminated it, the network dropped), not because of the statement:
 * running it again on a new connection can succeed.
 */
export function isConnectionLoss(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || LOST_STATES.has(code) || LOST_ERRNOS.has(code)) return true;
  }
  return err instanceof Error && LOST_WORDS.test(err.message);
}

/** Waits between attempts when the database connection was lost: about 16 s in all. */
export const RECONNECT_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000, 4000, 8000];

/**
 * Runs `work` again, on a new connection, while it fails because the connection was lost, up to
 * `delays.length` more times; any other error, or the last one, is thrown. `work` must be safe to
 * run twice (a transaction that rolled back, or one whose commit reached the server but whose
 * answer did not: `attempt` tells it which try this is).
 */
export async function againOnConnectionLoss<T>(
  work: (attempt: number) => Promise<T>,
  onRetry: (err: unknown, attempt: number) => void = () => {},
  delays: readonly number[] = RECONNECT_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work(attempt);
    } catch (err) {
      if (!isConnectionLoss(err) || attempt >= delays.length) throw err;
      onRetry(err, attempt);
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}
