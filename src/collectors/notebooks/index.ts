import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'notebooks',
  needs: [],
  async collect(): Promise<FactsData['notebooks']> {
    throw new Error('the notebooks collector is not built yet');
  },
});
