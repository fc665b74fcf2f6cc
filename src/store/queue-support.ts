import type { ResultStore } from '../queue/results.js';
import type { RunKey } from './key.js';
import { openStore, type Store, type StoreTransaction } from './store.js';

async function tagIfRecorded(
  writer: Pick<StoreTransaction, 'findCached' | 'tagRun'>,
  key: RunKey,
  tag: string | null,
): Promise<boolean> {
  const cached = await writer.findCached(key);
  if (!cached) return false;
  if (tag !== null && tag.trim() !== '') await writer.tagRun(cached.runId, [tag]);
  return true;
}

/** The store as the queue uses it (src/queue/results.ts): the same PostgreSQL database as the queue. */
export function queueResultsOver(store: Store): ResultStore {
  return {
    has: (key) => store.has(key),
    tagIfRecorded: (key, tag) =>
      tag === null ? store.has(key) : store.transaction((tx) => tagIfRecorded(tx, key, tag)),
    report: (key) => store.report(key),
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          executeSql: (text, values) => tx.executeSql(text, values),
          has: (key) => tx.has(key),
          tagIfRecorded: (key, tag) => tagIfRecorded(tx, key, tag),
          async record(report, key, tag) {
            await tx.recordRun(report, { key, tags: tag === null ? [] : [tag] });
          },
        }),
      ),
    close: () => store.close(),
  };
}

/** Opens the store at a PostgreSQL URL for the queue's workers and enqueuers. */
export async function openQueueResults(url: string): Promise<ResultStore> {
  return queueResultsOver(await openStore(url));
}
