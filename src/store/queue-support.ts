import type { RepoReport } from '../engine/report.js';
import type { RunKey } from './key.js';
import { openStore, type SqlResult } from './store.js';

/**
 * The store as the audit queue uses it (src/queue): whether a run is recorded, its report, and a
 * transaction in which a worker records its result and completes its pg-boss job together
 * (`complete(…, { db: { executeSql } })` on the transaction's own connection).
 */
export interface QueueTransaction {
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  has(key: RunKey): Promise<boolean>;
  record(report: RepoReport, key: RunKey, tag: string | null): Promise<void>;
}

export interface QueueResults {
  has(key: RunKey): Promise<boolean>;
  report(key: RunKey): Promise<RepoReport | null>;
  transaction<T>(work: (tx: QueueTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openQueueResults(target: string): Promise<QueueResults> {
  const store = await openStore(target);
  return {
    has: (key) => store.has(key),
    report: (key) => store.report(key),
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          executeSql: (text, values) => tx.executeSql(text, values),
          has: (key) => tx.has(key),
          async record(report, key, tag) {
            await tx.recordRun(report, { key, tags: tag === null ? [] : [tag] });
          },
        }),
      ),
    close: () => store.close(),
  };
}
