import type { AnyCheck, CheckResult } from '../checks/types.js';
import { PRINCIPLE_WEIGHT, SEVERITY_WEIGHT } from '../scoring/policy.js';
import type { NextStep } from './report.js';

// Placeholder until the next-steps planner lands.
export function planNextSteps(results: readonly CheckResult[], checks: readonly AnyCheck[]): NextStep[] {
  const byCode = new Map(checks.map((c) => [c.code, c]));
  return results
    .filter((r) => r.outcome === 'fail')
    .map((r) => ({
      check: r.check,
      principle: r.principle,
      severity: r.severity,
      advice: byCode.get(r.check)?.advice ?? r.title,
      gain:
        SEVERITY_WEIGHT[r.severity] * (PRINCIPLE_WEIGHT[r.principle]?.weight ?? 0) * (1 - (r.credit ?? 0)),
    }))
    .sort((a, b) => b.gain - a.gain)
    .slice(0, 3);
}
