import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'git',
  needs: [],
  async collect(): Promise<FactsData['git']> {
    throw new Error('the git collector is not built yet');
  },
});
