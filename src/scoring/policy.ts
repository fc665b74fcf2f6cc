import type { CheckResult, Severity } from '../checks/types.js';
import { PRINCIPLE_IDS, PRINCIPLES, type PrincipleId } from '../principles.js';

/**
 * The scoring policy: the only place where findings become numbers (see docs/adr/0002-scoring.md).
 *
 * - A check's weight within its principle comes from its severity.
 * - A principle's sub-score (0–10) is the weighted share of credit over its decided checks
 *   (pass/fail); unknown, not-applicable and error checks are left out, never counted as failures.
 * - Core principles make the 0–100 total as a weighted mean. Bonus principles (replicating a
 *   paper, using pretrained models) cannot lower the total: they add up to `bonusPoints` each.
 * - A principle with no decided check is named in `excluded` with the reason.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** What is being scored: a repository (audit) or a blog post (blog review). */
export type ScoreScope = 'repo' | 'post';

export interface PrincipleWeight {
  weight: number;
  kind: 'core' | 'bonus';
  scope: ScoreScope;
}

export const PRINCIPLE_WEIGHT: Partial<Record<PrincipleId, PrincipleWeight>> = {
  'one-deep-project': { weight: 3, kind: 'core', scope: 'repo' },
  'original-problem': { weight: 3, kind: 'core', scope: 'repo' },
  runnable: { weight: 3, kind: 'core', scope: 'repo' },
  'own-data': { weight: 2, kind: 'core', scope: 'repo' },
  'clean-code': { weight: 2, kind: 'core', scope: 'repo' },
  'boring-skills': { weight: 2, kind: 'core', scope: 'repo' },
  'value-over-decimals': { weight: 2, kind: 'core', scope: 'repo' },
  'new-tools': { weight: 1, kind: 'core', scope: 'repo' },
  'replicate-papers': { weight: 1, kind: 'bonus', scope: 'repo' },
  'blog-only-you': { weight: 3, kind: 'core', scope: 'post' },
  'blog-craft': { weight: 2, kind: 'core', scope: 'post' },
  'pretrained-models': { weight: 1, kind: 'bonus', scope: 'repo' },
};

/**
 * A red flag caps its principle: however many small things pass, a principle with a failed
 * high-severity check scores at most 5, with two or more at most 3 (a Titanic notebook with a
 * tidy README is still not an original problem).
 */
export const RED_FLAG_CAPS: readonly number[] = [10, 5, 3];

/** Points a bonus principle adds at a perfect sub-score. */
export const BONUS_POINTS = 4;

export interface PrincipleScore {
  principle: PrincipleId;
  title: string;
  /** 0–10, one decimal; null when no check decided. */
  score: number | null;
  kind: 'core' | 'bonus' | 'unscored';
  passed: number;
  failed: number;
  /** Checks left out of the score: unknown, not applicable or error. */
  undecided: number;
  /** Why the principle has no score, or which checks were left out. */
  note: string | null;
}

export interface ScoreResult {
  /** 0–100, whole number; null when no core principle could be scored. */
  total: number | null;
  /** The total before rounding, for comparing two scorings (what a fix would gain). */
  exact: number | null;
  principles: PrincipleScore[];
  /** Principles left out of the total, with why. */
  excluded: { principle: PrincipleId; reason: string }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreChecks(results: readonly CheckResult[], scope: ScoreScope = 'repo'): ScoreResult {
  const principles: PrincipleScore[] = [];
  const excluded: ScoreResult['excluded'] = [];
  let coreSum = 0;
  let coreWeight = 0;
  let bonus = 0;

  for (const principle of PRINCIPLE_IDS) {
    const mine = results.filter((r) => r.principle === principle);
    if (mine.length === 0) continue;
    const decided = mine.filter((r) => r.outcome === 'pass' || r.outcome === 'fail');
    const undecided = mine.filter((r) => r.outcome !== 'pass' && r.outcome !== 'fail');
    const policy = PRINCIPLE_WEIGHT[principle];
    let score: number | null = null;
    let note: string | null = null;
    if (decided.length > 0) {
      let got = 0;
      let max = 0;
      for (const r of decided) {
        const w = SEVERITY_WEIGHT[r.severity];
        got += w * (r.credit ?? 0);
        max += w;
      }
      const redFlags = decided.filter(
        (r) => r.outcome === 'fail' && r.severity === 'high' && (r.credit ?? 0) < 0.5,
      ).length;
      const cap = RED_FLAG_CAPS[Math.min(redFlags, RED_FLAG_CAPS.length - 1)]!;
      score = round1(Math.min(cap, (10 * got) / max));
      // Not-applicable checks are normal (no notebooks, no scraping); only say what could not be judged.
      const unjudged = undecided.filter((r) => r.outcome === 'unknown' || r.outcome === 'error');
      if (unjudged.length > 0) {
        note = `left out: ${unjudged.map((r) => `${r.check} (${r.outcome})`).join(', ')}`;
      }
    } else {
      const reasons = [...new Set(undecided.map((r) => r.reason ?? r.outcome))];
      note = `not scored: ${reasons.join('; ')}`;
      if (policy) excluded.push({ principle, reason: reasons.join('; ') });
    }
    if (score !== null && policy) {
      if (policy.kind === 'core') {
        coreSum += policy.weight * score;
        coreWeight += policy.weight;
      } else {
        bonus += (BONUS_POINTS * score) / 10;
      }
    }
    principles.push({
      principle,
      title: PRINCIPLES[principle].title,
      score,
      kind: policy?.kind ?? 'unscored',
      passed: decided.filter((r) => r.outcome === 'pass').length,
      failed: decided.filter((r) => r.outcome === 'fail').length,
      undecided: undecided.length,
      note,
    });
  }

  for (const [principle, policy] of Object.entries(PRINCIPLE_WEIGHT) as [PrincipleId, PrincipleWeight][]) {
    if (
      policy.scope === scope &&
      policy.kind === 'core' &&
      !principles.some((p) => p.principle === principle)
    ) {
      excluded.push({ principle, reason: 'no check for this principle ran' });
    }
  }

  const exact = coreWeight === 0 ? null : Math.min(100, (coreSum / coreWeight) * 10 + bonus);
  return { total: exact === null ? null : Math.round(exact), exact, principles, excluded };
}

/** The exact total from principle sub-scores, as `scoreChecks` combines them. */
export function exactTotal(principles: readonly PrincipleScore[]): number | null {
  let coreSum = 0;
  let coreWeight = 0;
  let bonus = 0;
  for (const p of principles) {
    const policy = PRINCIPLE_WEIGHT[p.principle];
    if (!policy || p.score === null) continue;
    if (policy.kind === 'core') {
      coreSum += policy.weight * p.score;
      coreWeight += policy.weight;
    } else bonus += (BONUS_POINTS * p.score) / 10;
  }
  return coreWeight === 0 ? null : Math.min(100, (coreSum / coreWeight) * 10 + bonus);
}
