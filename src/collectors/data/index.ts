import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'data',
  needs: [],
  async collect(): Promise<FactsData['data']> {
    throw new Error('the data collector is not built yet');
  },
});
