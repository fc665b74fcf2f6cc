import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult, Severity } from '../checks/types.js';
import type { PrincipleId } from '../principles.js';
import { scoreChecks } from '../scoring/policy.js';
import { planNextSteps, pointsGained } from './next-steps.js';

function result(
  check: string,
  principle: PrincipleId,
  severity: Severity,
  outcome: 'pass' | 'fail',
): CheckResult {
  return {
    check,
    name: check.toLowerCase(),
    title: `${check} title`,
    principle,
    severity,
    outcome,
    credit: outcome === 'pass' ? 1 : 0,
    reason: null,
    findings: [],
  };
}

describe('planNextSteps', () => {
  const results = [
    result('A1', 'runnable', 'high', 'fail'),
    result('A2', 'runnable', 'medium', 'fail'),
    result('A3', 'runnable', 'low', 'pass'),
    result('B1', 'one-deep-project', 'high', 'fail'),
    result('C1', 'clean-code', 'low', 'fail'),
    result('C2', 'clean-code', 'high', 'pass'),
    result('D1', 'boring-skills', 'medium', 'pass'),
  ];

  it('gains match what the scoring policy would actually give', () => {
    const before = scoreChecks(results).total ?? 0;
    for (const failing of results.filter((r) => r.outcome === 'fail')) {
      const fixed = results.map((r) => (r === failing ? { ...r, outcome: 'pass' as const, credit: 1 } : r));
      const after = scoreChecks(fixed).total ?? 0;
      assert.ok(Math.abs(after - before - pointsGained(failing, results)) <= 0.5, failing.check);
    }
  });

  it('picks the three biggest gains, at most one per principle, with the check advice', () => {
    const steps = planNextSteps(results, []);
    assert.deepEqual(
      steps.map((s) => s.check),
      ['B1', 'A1', 'C1'],
    );
    assert.equal(steps[0]?.advice, 'B1 title');
    assert.ok(steps.every((s, i) => i === 0 || (steps[i - 1]?.gain ?? 0) >= s.gain));
  });

  it('repeats a principle only when fewer principles fail than there are steps', () => {
    const onlyRunnable = results.filter((r) => r.principle === 'runnable' || r.outcome === 'pass');
    assert.deepEqual(
      planNextSteps(onlyRunnable, []).map((s) => s.check),
      ['A1', 'A2'],
    );
  });

  it('has nothing to suggest when nothing fails', () => {
    assert.deepEqual(planNextSteps([result('A3', 'runnable', 'low', 'pass')], []), []);
  });
});
