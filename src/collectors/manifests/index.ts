import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'manifests',
  needs: [],
  async collect(): Promise<FactsData['manifests']> {
    throw new Error('the manifests collector is not built yet');
  },
});
