import type { AnyCheck, CheckResult } from '../checks/types.js';
import {
  exactTotal,
  principleWeight,
  routeCap,
  type ScoredRoute,
  type ScoreResult,
  SEVERITY_WEIGHT,
  scoreChecks,
} from '../scoring/policy.js';
import type { RouteId } from '../scoring/route.js';
import type { NextStep } from './report.js';

const STEPS = 3;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Points the 0–100 total would gain if one failing check passed: the policy itself re-scores the
 * results with that check passing, so caps, weights and bonus rules are all accounted for. A check
 * of the principle the route caps (a herd project's stock dataset) is what keeps the project on
 * that route, so passing it is scored as leaving the route: without the route's cap.
 */
export function pointsGained(
  result: CheckResult,
  results: readonly CheckResult[],
  base?: ScoreResult,
  route?: ScoredRoute | null,
): number {
  if (result.outcome !== 'fail' || !principleWeight(result.principle, route?.id)) return 0;
  const scored = base ?? scoreChecks(results, 'repo', route);
  const before = scored.exact ?? 0;
  // Only the failing check's principle changes: re-score it alone and recombine.
  const siblings = results
    .filter((r) => r.principle === result.principle)
    .map((r) => (r === result ? { ...r, outcome: 'pass' as const, credit: 1 } : r));
  const leaves = route && routeCap(result.principle, route) < 10;
  const rescored = scoreChecks(
    siblings,
    'repo',
    leaves ? { ...route, id: 'original-question', questionStated: true } : route,
  ).principles[0];
  const principles = scored.principles.map((p) =>
    p.principle === result.principle && rescored ? rescored : p,
  );
  if (!principles.some((p) => p.principle === result.principle) && rescored) principles.push(rescored);
  const after = exactTotal(principles, route) ?? 0;
  return round1(Math.max(0, after - before));
}

/** Core principles first: a bonus (replicating a paper) is advice only once the basics are covered. */
const isBonus = (step: NextStep) => principleWeight(step.principle, step.route)?.kind === 'bonus';

/** The check's advice for a project on this route: its route advice when it has one. */
export function adviceFor(check: AnyCheck | undefined, route: RouteId): string | undefined {
  return check?.routeAdvice?.[route] ?? check?.advice;
}

/**
 * The three most valuable next steps: failing checks by the points they would add, at most one
 * per principle so the advice is varied, unless fewer principles fail than there are steps. Each
 * step is worded for the project's route.
 */
export function planNextSteps(
  results: readonly CheckResult[],
  checks: readonly AnyCheck[],
  route: ScoredRoute = { id: 'none-yet', reasons: [] },
): NextStep[] {
  const byCode = new Map(checks.map((c) => [c.code, c]));
  const base = scoreChecks(results, 'repo', route);
  const candidates: NextStep[] = results
    .filter((r) => r.outcome === 'fail')
    .map((r) => ({
      check: r.check,
      principle: r.principle,
      severity: r.severity,
      advice: adviceFor(byCode.get(r.check), route.id) ?? r.title,
      gain: pointsGained(r, results, base, route),
      route: route.id,
    }))
    .sort(
      (a, b) =>
        Number(isBonus(a)) - Number(isBonus(b)) ||
        b.gain - a.gain ||
        SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] ||
        a.check.localeCompare(b.check),
    );

  const chosen: NextStep[] = [];
  const principles = new Set<string>();
  for (const step of candidates) {
    if (chosen.length === STEPS) break;
    if (principles.has(step.principle)) continue;
    principles.add(step.principle);
    chosen.push(step);
  }
  for (const step of candidates) {
    if (chosen.length === STEPS) break;
    if (!chosen.includes(step)) chosen.push(step);
  }
  return chosen.sort((a, b) => b.gain - a.gain || candidates.indexOf(a) - candidates.indexOf(b));
}
