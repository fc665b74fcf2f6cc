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
