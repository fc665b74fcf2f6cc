import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import type { RepoReport } from '../engine/report.js';
import { compareRuns } from './compare.js';

const before = SAMPLE_REPORT.repos[0] as RepoReport;

describe('compareRuns', () => {
  it('finds nothing between a run and itself', () => {
    const c = compareRuns(before, before);
    assert.deepEqual(c.score, { from: before.score, to: before.score, delta: 0 });
    assert.deepEqual(c.principles, []);
    assert.deepEqual(c.flipped, []);
    assert.deepEqual(c.redFlags, { added: [], removed: [] });
  });

  it('reports the score delta, moved sub-scores, flipped checks and red flags', () => {
    const failing = before.checks.find((c) => c.outcome === 'fail');
    assert.ok(failing, 'the sample report has a failing check');
    const after: RepoReport = {
      ...before,
      score: (before.score ?? 0) + 6,
      principles: before.principles.map((p) =>
        p.principle === failing.principle ? { ...p, score: 9.5 } : p,
      ),
      checks: before.checks.map((c) => (c.check === failing.check ? { ...c, outcome: 'pass' } : c)),
      redFlags: [...before.redFlags.slice(1), 'A new red flag'],
    };
    const c = compareRuns(before, after);
    assert.equal(c.score.delta, 6);
    assert.deepEqual(
      c.principles.map((p) => [p.principle, p.to]),
      [[failing.principle, 9.5]],
    );
    assert.deepEqual(c.flipped, [
      { check: failing.check, title: failing.title, principle: failing.principle, from: 'fail', to: 'pass' },
    ]);
    assert.deepEqual(c.redFlags.added, ['A new red flag']);
    assert.deepEqual(c.redFlags.removed, before.redFlags.slice(0, 1));
  });

  it('names checks that were not run in one of the two', () => {
    const dropped = before.checks[0]!;
    const after: RepoReport = { ...before, checks: before.checks.slice(1) };
    assert.deepEqual(
      compareRuns(before, after).flipped.map((f) => [f.check, f.to]),
      [[dropped.check, 'absent']],
    );
  });
});
