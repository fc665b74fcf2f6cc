import type { RepoReport } from '../engine/report.js';
import type { PrincipleId } from '../principles.js';

/**
 * What changed between two runs of one repository, as the compare view shows it: the score, each
 * sub-score, the checks whose outcome flipped, and red flags gained or lost. Pure: two reports in,
 * one plain object out (the `.json` twin serves it as is).
 */

export interface RunChanges {
  score: { from: number | null; to: number | null; delta: number | null };
  principles: { principle: PrincipleId; title: string; from: number | null; to: number | null }[];
  /** Checks whose outcome differs, failing-now first. */
  flipped: { check: string; title: string; principle: PrincipleId; from: string; to: string }[];
  redFlags: { added: string[]; removed: string[] };
}

export function compareRuns(from: RepoReport, to: RepoReport): RunChanges {
  const delta = from.score !== null && to.score !== null ? to.score - from.score : null;
  const before = new Map(from.principles.map((p) => [p.principle, p]));
  const after = new Map(to.principles.map((p) => [p.principle, p]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const principles = ids
    .map((id) => ({
      principle: id,
      title: after.get(id)?.title ?? before.get(id)?.title ?? id,
      from: before.get(id)?.score ?? null,
      to: after.get(id)?.score ?? null,
    }))
    .filter((p) => p.from !== p.to);
  const oldChecks = new Map(from.checks.map((c) => [c.check, c]));
  const flipped: RunChanges['flipped'] = [];
  for (const c of to.checks) {
    const was = oldChecks.get(c.check)?.outcome ?? 'absent';
    if (was !== c.outcome) {
      flipped.push({ check: c.check, title: c.title, principle: c.principle, from: was, to: c.outcome });
    }
  }
  const newCodes = new Set(to.checks.map((c) => c.check));
  for (const c of from.checks) {
    if (!newCodes.has(c.check)) {
      flipped.push({ check: c.check, title: c.title, principle: c.principle, from: c.outcome, to: 'absent' });
    }
  }
  const rank = (outcome: string) => (outcome === 'fail' ? 0 : outcome === 'pass' ? 1 : 2);
  flipped.sort((a, b) => rank(a.to) - rank(b.to) || a.check.localeCompare(b.check));
  const oldFlags = new Set(from.redFlags);
  const newFlags = new Set(to.redFlags);
  return {
    score: { from: from.score, to: to.score, delta },
    principles,
    flipped,
    redFlags: {
      added: to.redFlags.filter((f) => !oldFlags.has(f)),
      removed: from.redFlags.filter((f) => !newFlags.has(f)),
    },
  };
}
