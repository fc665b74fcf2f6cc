/**
 * The store of audit history: the only module that talks SQL (docs/store.md, docs/adr/0006-store.md).
 * Everything else opens a store here and uses its methods.
 */
export { compareRuns, type FlippedCheck, type RunChanges, type RunSnapshot, signed } from './changes.js';
export { type Dialect, defaultStorePath, isPostgresUrl } from './connect.js';
export { type RepoState, readRepoState } from './identity.js';
export { CLEAN, cacheKeyOf, configHash, type RunKey, repoIdOf } from './key.js';
export { STORE_SCHEMA_VERSION } from './migrations.js';
export type { RecordedRun, RecordMeta } from './record.js';
export {
  type CachedRun,
  type HistoryFacts,
  type HistoryRun,
  openStore,
  type RepoHistory,
  type RunWriter,
  type SqlResult,
  type Store,
  type StoreTransaction,
  snapshotOf,
} from './store.js';
