import type { FactsData } from '../../facts.js';
import { defineCollector } from '../define.js';

// Placeholder until this collector lands: it reports itself unavailable so its checks are unknown.
export default defineCollector({
  name: 'readme',
  needs: [],
  async collect(): Promise<FactsData['readme']> {
    throw new Error('the readme collector is not built yet');
  },
});
