import type { SignalsFacts } from '../../collectors/signals/types.js';

/** Signals facts for check tests: empty lists unless given, so each test states only what matters. */
export function signalsFacts(partial: Partial<SignalsFacts> = {}): SignalsFacts {
  return {
    collection: [],
    provenance: [],
    paperReferences: [],
    replicationPhrases: [],
    paperComparisons: [],
    pretrainedModels: [],
    stack: [],
    cookieCutterNotebooks: [],
    unstructuredData: [],
    politeness: [],
    problems: [],
    ...partial,
  };
}
