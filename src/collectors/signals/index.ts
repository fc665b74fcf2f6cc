import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'signals',
  needs: [],
  async collect(): Promise<FactsData['signals']> {
    throw new Error('the signals collector is not built yet');
  },
});
