import type { CheckResult } from '../checks/types.js';
import type { Facts } from '../facts.js';
import type { ScoreResult } from '../scoring/policy.js';

export interface Narrative {
  summary: string;
  highlights: string[];
  redFlags: string[];
}

// Placeholder until the summary writer lands.
export function writeSummary(_facts: Facts, results: readonly CheckResult[], _score: ScoreResult): Narrative {
  return {
    summary: '',
    highlights: results.filter((r) => r.outcome === 'pass').map((r) => r.title),
    redFlags: results.filter((r) => r.outcome === 'fail' && r.severity === 'high').map((r) => r.title),
  };
}
