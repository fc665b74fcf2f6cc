import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'infra',
  needs: [],
  async collect(): Promise<FactsData['infra']> {
    throw new Error('the infra collector is not built yet');
  },
});
