import type { DataFacts } from './collectors/data/types.js';
import type { GitFacts } from './collectors/git/types.js';
import type { HerdFacts } from './collectors/herd/types.js';
import type { InfraFacts } from './collectors/infra/types.js';
import type { ManifestsFacts } from './collectors/manifests/types.js';
import type { NotebooksFacts } from './collectors/notebooks/types.js';
import type { PythonFacts } from './collectors/python/types.js';
import type { ReadmeFacts } from './collectors/readme/types.js';
import type { SignalsFacts } from './collectors/signals/types.js';
import type { TreeFacts } from './collectors/tree/types.js';

/** Everything known about one repository: one key per collector, collected once, read by every check. */
export interface FactsData {
  tree: TreeFacts;
  git: GitFacts;
  notebooks: NotebooksFacts;
  python: PythonFacts;
  readme: ReadmeFacts;
  manifests: ManifestsFacts;
  data: DataFacts;
  infra: InfraFacts;
  signals: SignalsFacts;
  herd: HerdFacts;
}

export type CollectorName = keyof FactsData;

/** A collector either produced its facts or says why it could not; its checks then report unknown. */
export type Collected<T> = { status: 'ok'; data: T } | { status: 'unavailable'; reason: string };

export type Facts = { [K in CollectorName]: Collected<FactsData[K]> };

export const COLLECTOR_ORDER: readonly CollectorName[] = [
  'tree',
  'git',
  'notebooks',
  'python',
  'readme',
  'manifests',
  'data',
  'infra',
  'signals',
  'herd',
];
