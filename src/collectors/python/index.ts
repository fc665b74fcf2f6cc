import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'python',
  needs: [],
  async collect(): Promise<FactsData['python']> {
    throw new Error('the python collector is not built yet');
  },
});
