import type { CollectorName } from '../facts.js';
import data from './data/index.js';
import type { Collector } from './define.js';
import git from './git/index.js';
import herd from './herd/index.js';
import infra from './infra/index.js';
import manifests from './manifests/index.js';
import notebooks from './notebooks/index.js';
import python from './python/index.js';
import readme from './readme/index.js';
import signals from './signals/index.js';
import tree from './tree/index.js';

/** All collectors, in an order where every collector comes after the ones it needs. */
// biome-ignore lint/suspicious/noExplicitAny: collectors of different shapes share one list
export const COLLECTORS: readonly Collector<CollectorName, any>[] = [
  tree,
  git,
  notebooks,
  python,
  readme,
  manifests,
  data,
  infra,
  signals,
  herd,
];
