import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult, Outcome, Severity } from '../checks/types.js';
import { pointsGained } from '../engine/next-steps.js';
import type { PrincipleId } from '../principles.js';
import { type ScoredRoute, scoreChecks } from './policy.js';
import type { RouteId } from './route.js';

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

  describe('the route gates the score (ADR 0017)', () => {
    const on = (id: RouteId, questionStated = true): ScoredRoute => ({ id, reasons: [], questionStated });
    /** Everything a tidy, engineered project passes, on any route. */
    const polished = (): CheckResult[] => [
      result('G1', 'one-deep-project', 'high', 'pass'),
      result('H1', 'original-problem', 'high', 'pass'),
      result('H2', 'original-problem', 'medium', 'pass'),
      result('D1', 'runnable', 'high', 'pass'),
      result('C1', 'clean-code', 'medium', 'pass'),
      result('B1', 'boring-skills', 'medium', 'pass'),
      result('V1', 'value-over-decimals', 'medium', 'pass'),
      result('N1', 'new-tools', 'low', 'pass'),
    ];

    it('keeps a tidy herd project low: its original problem scores 0 whatever else passes', () => {
      const herd = scoreChecks(
        [
          ...polished(),
          result('HRD101', 'original-problem', 'high', 'fail'),
          result('SIG101', 'own-data', 'high', 'fail'),
        ],
        'repo',
        on('herd'),
      );
      const original = herd.principles.find((p) => p.principle === 'original-problem')!;
      assert.equal(original.score, 0);
      assert.match(original.routeNote ?? '', /herd route: .*scores 0 however tidy/);
      assert.ok(herd.total! <= 55, `herd total ${herd.total}`);
    });

    it('lets every route out of the herd reach the top', () => {
      const routes: [RouteId, CheckResult[]][] = [
        ['own-data', [result('SIG101', 'own-data', 'high', 'pass')]],
        [
          'replication',
          [
            result('SIG101', 'own-data', 'high', 'not-applicable'),
            result('SIG103', 'replicate-papers', 'medium', 'pass'),
          ],
        ],
        ['tool-pipeline', [result('SIG101', 'own-data', 'high', 'not-applicable')]],
        // Public data for a question of its own: half credit of own data, which is a bonus here.
        ['original-question', [result('SIG101', 'own-data', 'high', 'fail', 0.5)]],
      ];
      for (const [id, extra] of routes) {
        const s = scoreChecks([...polished(), ...extra], 'repo', on(id));
        assert.equal(s.total, 100, `${id}: ${s.total}`);
      }
    });

    it('gives an original question the README does not state at most half of original-problem', () => {
      const s = scoreChecks(polished(), 'repo', on('original-question', false));
      const original = s.principles.find((p) => p.principle === 'original-problem')!;
      assert.equal(original.score, 5);
      assert.match(original.routeNote ?? '', /until the README states the question/);
    });

    it("values leaving the herd: a herd project's stock-dataset fix is worth the route", () => {
      const results = [
        ...polished(),
        result('HRD101', 'original-problem', 'high', 'fail'),
        result('RD1', 'runnable', 'low', 'fail'),
      ];
      const stock = results.find((r) => r.check === 'HRD101')!;
      const small = results.find((r) => r.check === 'RD1')!;
      const route = on('herd');
      assert.ok(pointsGained(stock, results, undefined, route) > 20);
      assert.ok(
        pointsGained(stock, results, undefined, route) > pointsGained(small, results, undefined, route),
      );
    });
  });
});
