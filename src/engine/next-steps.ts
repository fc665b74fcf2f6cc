import type { AnyCheck, CheckResult } from '../checks/types.js';
import { BONUS_POINTS, PRINCIPLE_WEIGHT, SEVERITY_WEIGHT } from '../scoring/policy.js';
import type { NextStep } from './report.js';

const STEPS = 3;
const decided = (r: CheckResult) => r.outcome === 'pass' || r.outcome === 'fail';
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Points the 0–100 total would gain if one failing check passed, following the scoring policy:
 * the check's share of its principle's sub-score, times the principle's share of the total
 * (core principles) or of the bonus points (bonus principles). Unscored principles gain nothing.
 */
export function pointsGained(result: CheckResult, results: readonly CheckResult[]): number {
  const policy = PRINCIPLE_WEIGHT[result.principle];
  if (!policy || result.outcome !== 'fail') return 0;
  const siblings = results.filter((r) => r.principle === result.principle && decided(r));
  const principleWeight = siblings.reduce((sum, r) => sum + SEVERITY_WEIGHT[r.severity], 0);
  if (principleWeight === 0) return 0;
  const subScoreGain = (10 * SEVERITY_WEIGHT[result.severity] * (1 - (result.credit ?? 0))) / principleWeight;
  if (policy.kind === 'bonus') return round1((BONUS_POINTS * subScoreGain) / 10);
  const scoredPrinciples = new Set(results.filter(decided).map((r) => r.principle));
  let coreWeight = 0;
  for (const p of scoredPrinciples) {
    const w = PRINCIPLE_WEIGHT[p];
    if (w?.kind === 'core') coreWeight += w.weight;
  }
  return coreWeight === 0 ? 0 : round1(((policy.weight * subScoreGain) / coreWeight) * 10);
}

/**
 * The three most valuable next steps: failing checks by the points they would add, at most one
 * per principle so the advice is varied, unless fewer principles fail than there are steps.
 */
export function planNextSteps(results: readonly CheckResult[], checks: readonly AnyCheck[]): NextStep[] {
  const byCode = new Map(checks.map((c) => [c.code, c]));
  const candidates: NextStep[] = results
    .filter((r) => r.outcome === 'fail')
    .map((r) => ({
      check: r.check,
      principle: r.principle,
      severity: r.severity,
      advice: byCode.get(r.check)?.advice ?? r.title,
      gain: pointsGained(r, results),
    }))
    .sort(
      (a, b) =>
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
