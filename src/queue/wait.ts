import { emptyReport } from '../engine/analyse.js';
import { repoName } from '../engine/audit.js';
import type { RepoInput, RepoReport } from '../engine/report.js';
import type { QueueConnection } from './connection.js';
import type { Enqueued } from './enqueue.js';
import type { AuditJobOutput, RunKey } from './job.js';
import type { ResultStore } from './results.js';
import { isFinal, type JobState, jobStates, reasonOf } from './status.js';

export interface WaitOptions {
  /** How often the queue is asked how far it got. */
  pollIntervalMs: number;
  onProgress?: (done: number, total: number, last: string) => void;
  signal?: AbortSignal;
}

/** Follows the enqueued jobs until every one is completed or failed for good. */
export async function waitForJobs(
  queue: QueueConnection,
  enqueued: readonly Enqueued[],
  options: WaitOptions,
): Promise<Map<string, JobState>> {
  const ids = [
    ...new Set(enqueued.filter((e) => e.jobId !== null && e.state !== 'recorded').map((e) => e.jobId!)),
  ];
  const settledAtStart = enqueued.filter((e) => e.state === 'recorded' || e.state === 'invalid').length;
  let finalStates = new Map<string, JobState>();
  for (;;) {
    const states = await jobStates(queue, ids);
    finalStates = new Map([...states].filter(([, s]) => isFinal(s.state)));
    const done = enqueued.filter(
      (e) =>
        e.state === 'recorded' || e.state === 'invalid' || (e.jobId !== null && finalStates.has(e.jobId)),
    ).length;
    options.onProgress?.(done, enqueued.length, `${done - settledAtStart} of ${ids.length} jobs finished`);
    // A job that is no longer anywhere (deleted by hand) is not waited for forever.
    if (ids.every((id) => finalStates.has(id) || !states.has(id))) break;
    if (options.signal?.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs));
  }
  return finalStates;
}

function decorate(report: RepoReport, e: Enqueued, note: string | null): RepoReport {
  const input: RepoInput = { ...(report.input ?? {}) };
  if (e.target.remote) input.url = e.target.remote.cloneUrl;
  if (e.target.columns && Object.keys(e.target.columns).length > 0) input.columns = e.target.columns;
  if (note !== null) input.note = note;
  const copy: RepoReport = { ...report, path: e.target.path };
  if (e.target.remote) copy.name = e.target.remote.name;
  if (Object.keys(input).length > 0) copy.input = input;
  else delete copy.input;
  return copy;
}

/**
 * One RepoReport per enqueued input, in input order: the recorded run for what was audited (or
 * was already in the store), and the reason as the report's `error` for what could not be.
 */
export async function reportsFor(
  store: ResultStore,
  enqueued: readonly Enqueued[],
  states: ReadonlyMap<string, JobState>,
): Promise<RepoReport[]> {
  const reports: RepoReport[] = [];
  for (const e of enqueued) {
    const name = e.target.remote?.name ?? repoName(e.target.path);
    const failed = (reason: string) => emptyReport(e.target.path, name, reason);
    if (e.state === 'invalid') {
      reports.push(decorate(failed(e.reason ?? 'not a repository'), e, null));
      continue;
    }
    let key: RunKey | null = e.key;
    let note: string | null = null;
    if (e.state !== 'recorded') {
      const job = e.jobId === null ? undefined : states.get(e.jobId);
      const output = job?.output as AuditJobOutput | null | undefined;
      if (!job) {
        reports.push(decorate(failed('the job was removed from the queue before it finished'), e, null));
        continue;
      }
      if (job.state !== 'completed' || !output || output.outcome === 'failed') {
        reports.push(decorate(failed(reasonOf(output)), e, null));
        continue;
      }
      key = output.key;
      note = output.note;
    }
    const report = key ? await store.report(key) : null;
    reports.push(
      report
        ? decorate(report, e, note)
        : decorate(failed('the result of this audit is no longer in the store'), e, null),
    );
  }
  return reports;
}
