import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult, Outcome, Severity } from '../checks/types.js';
import type { PrincipleId } from '../principles.js';
import { scoreChecks } from './policy.js';

function result(
  check: string,
  principle: PrincipleId,
  severity: Severity,
  outcome: Outcome,
  credit?: number,
): CheckResult {
  const decided = outcome === 'pass' || outcome === 'fail';
  return {
    check,
    name: check.toLowerCase(),
    title: check,
    principle,
    severity,
    outcome,
    credit: decided ? (credit ?? (outcome === 'pass' ? 1 : 0)) : null,
    reason: decided ? null : 'why',
    findings: [],
  };
}

describe('scoring policy', () => {
  it('weights checks by severity and leaves unknown and not-applicable out', () => {
    const s = scoreChecks([
      result('A1', 'runnable', 'medium', 'pass'),
      result('A2', 'runnable', 'low', 'fail'),
      result('A3', 'runnable', 'high', 'unknown'),
      result('A4', 'runnable', 'high', 'not-applicable'),
    ]);
    const runnable = s.principles.find((p) => p.principle === 'runnable')!;
    assert.equal(runnable.score, 6.7);
    assert.equal(runnable.undecided, 2);
    assert.equal(runnable.note, 'left out: A3 (unknown)');
  });

  it('caps a principle with a red flag, however much else passes', () => {
    const passes = Array.from({ length: 8 }, (_, i) => result(`P${i}`, 'original-problem', 'medium', 'pass'));
    const one = scoreChecks([...passes, result('R1', 'original-problem', 'high', 'fail')]);
    assert.equal(one.principles[0]!.score, 5);
    const two = scoreChecks([
      ...passes,
      result('R1', 'original-problem', 'high', 'fail'),
      result('R2', 'original-problem', 'high', 'fail'),
    ]);
    assert.equal(two.principles[0]!.score, 3);
    // A graded check with most of its credit is not a red flag.
    const graded = scoreChecks([...passes, result('R1', 'original-problem', 'high', 'fail', 0.8)]);
    assert.ok(graded.principles[0]!.score! > 9);
  });

  it('lets bonus principles add points but never subtract', () => {
    const base = [result('C1', 'runnable', 'high', 'pass')];
    const without = scoreChecks([...base, result('B1', 'replicate-papers', 'medium', 'fail')]);
    const withBonus = scoreChecks([...base, result('B1', 'replicate-papers', 'medium', 'pass')]);
    assert.equal(without.total, 100);
    assert.equal(withBonus.total, 100);
    const half = scoreChecks([
      result('C1', 'runnable', 'high', 'fail', 0.5),
      result('B1', 'replicate-papers', 'medium', 'pass'),
    ]);
    assert.equal(half.total, 54);
  });

  it('names core principles that could not be scored, and scores nothing without any', () => {
    const s = scoreChecks([result('G1', 'one-deep-project', 'high', 'unknown')]);
    assert.equal(s.total, null);
    assert.ok(s.excluded.some((e) => e.principle === 'one-deep-project' && e.reason === 'why'));
    assert.ok(s.excluded.some((e) => e.principle === 'runnable' && /no check/.test(e.reason)));
    assert.ok(
      !s.excluded.some((e) => e.principle === 'blog-craft'),
      'post principles are not expected of repositories',
    );
  });
});
