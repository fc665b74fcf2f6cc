import type { RepoReport } from '../engine/report.js';
import type { RunKey } from './job.js';

/** A statement runner on one connection: what pg-boss's `{ db }` option takes. */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Inside one transaction of the result store: record a run, and run pg-boss's statements too. */
export interface ResultTransaction extends SqlRunner {
  has(key: RunKey): Promise<boolean>;
  /** Adds the tag to the run recorded under this key; false when there is none. */
  tagIfRecorded(key: RunKey, tag: string | null): Promise<boolean>;
  record(report: RepoReport, key: RunKey, tag: string | null): Promise<void>;
}

/**
 * What the queue needs from the store of audit results, which lives in the same PostgreSQL
 * database: whether a run is recorded, its report back, and a transaction in which the result
 * is written and the job is completed together.
 */
export interface ResultStore {
  has(key: RunKey): Promise<boolean>;
  /** Adds the tag to the run recorded under this key; false when there is none. */
  tagIfRecorded(key: RunKey, tag: string | null): Promise<boolean>;
  report(key: RunKey): Promise<RepoReport | null>;
  /** Commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: ResultTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
