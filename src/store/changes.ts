import type { FlippedCheck, RunChanges } from '../engine/report.js';
import type { PrincipleId } from '../principles.js';

export type { FlippedCheck, RunChanges };

/** What a run looked like, as far as comparing two runs needs. */
export interface RunSnapshot {
  recordedAt: string;
  commit: string | null;
  score: number | null;
  principles: { principle: PrincipleId; score: number | null }[];
  checks: { check: string; title: string; principle: PrincipleId; outcome: string }[];
}

function lowerFirst(title: string): string {
  // "The README states …" reads as "the README states …"; an acronym stays as it is.
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

/** Compares two runs of one repository; `previous` is the older. */
export function compareRuns(previous: RunSnapshot, current: RunSnapshot): RunChanges {
  const scoreDelta =
    previous.score === null || current.score === null ? null : current.score - previous.score;
  const before = new Map(previous.principles.map((p) => [p.principle, p.score]));
  const principles: RunChanges['principles'] = [];
  for (const p of current.principles) {
    const from = before.has(p.principle) ? before.get(p.principle)! : null;
    if (from !== p.score) principles.push({ principle: p.principle, from, to: p.score });
  }
  const outcomeBefore = new Map(previous.checks.map((c) => [c.check, c.outcome]));
  const fixed: FlippedCheck[] = [];
  const broke: FlippedCheck[] = [];
  for (const c of current.checks) {
    const was = outcomeBefore.get(c.check);
    const flipped = { check: c.check, title: c.title, principle: c.principle };
    if (was === 'fail' && c.outcome === 'pass') fixed.push(flipped);
    if (was === 'pass' && c.outcome === 'fail') broke.push(flipped);
  }
  return {
    since: { recordedAt: previous.recordedAt, commit: previous.commit, score: previous.score },
    scoreDelta,
    principles,
    fixed,
    broke,
    summary: describeChanges(previous.score, current.score, fixed, broke),
  };
}

function describeChanges(
  from: number | null,
  to: number | null,
  fixed: readonly FlippedCheck[],
  broke: readonly FlippedCheck[],
): string {
  const head =
    from === null || to === null
      ? `score ${from ?? 'unscored'} → ${to ?? 'unscored'}`
      : `${signed(to - from)} (${from} → ${to})`;
  const parts: string[] = [];
  if (fixed.length > 0) parts.push(`now ${fixed.map((c) => lowerFirst(c.title)).join('; ')}`);
  if (broke.length > 0) parts.push(`no longer ${broke.map((c) => lowerFirst(c.title)).join('; ')}`);
  if (parts.length === 0) return `${head}: no check changed its outcome`;
  return `${head}: ${parts.join('. ')}`;
}
