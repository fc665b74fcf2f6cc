import type { CheckResult, Severity } from '../checks/types.js';
import { PRINCIPLE_IDS, PRINCIPLES, type PrincipleId } from '../principles.js';
import type { Route, RouteId } from './route.js';

/**
 * The scoring policy: the only place where findings become numbers (see docs/adr/0002-scoring.md).
 *
 * - A check's weight within its principle comes from its severity.
 * - A principle's sub-score (0–10) is the weighted share of credit over its decided checks
 *   (pass/fail); unknown, not-applicable and error checks are left out, never counted as failures.
 * - Core principles make the 0–100 total as a weighted mean. Bonus principles (replicating a
 *   paper, using pretrained models) cannot lower the total: they add up to `bonusPoints` each.
 * - A principle with no decided check is named in `excluded` with the reason.
 * - The route a project takes (docs/adr/0009-routes.md, docs/adr/0017-route-gates-the-score.md)
 *   gates the score: original-problem weighs as much as the engineering principles together and
 *   is capped by the route (a herd project's problem is the stock one, however tidy it is), and a
 *   principle that is another route's contribution is a bonus, not a requirement.
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
  // The route out of the herd: as much as the engineering principles together (ADR 0017).
  'original-problem': { weight: 9, kind: 'core', scope: 'repo' },
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
 * Weights that differ on a route (ADR 0009, 0017). Routes are alternatives: a principle that is
 * another route's contribution is a bonus on a route out of the herd, so every route can reach the
 * top. A replication's contribution is the replication itself, so its principle is core there, in
 * the slot own data leaves. On the herd and none-yet routes own data stays core: it is the way out.
 */
const OWN_DATA_BONUS: PrincipleWeight = { weight: 1, kind: 'bonus', scope: 'repo' };
export const ROUTE_WEIGHT: Partial<Record<RouteId, Partial<Record<PrincipleId, PrincipleWeight>>>> = {
  replication: {
    'replicate-papers': { weight: 2, kind: 'core', scope: 'repo' },
    'own-data': OWN_DATA_BONUS,
  },
  'tool-pipeline': { 'own-data': OWN_DATA_BONUS },
  'original-question': { 'own-data': OWN_DATA_BONUS },
};

/**
 * The route gates original-problem (ADR 0017): a project on the herd route asks the stock question,
 * so it earns none of it whatever else passes (not a capstone, not Boston Housing); a project with
 * no route yet earns none either. An original question the README does not state earns at most
 * half: a reader cannot see that the question is original.
 */
export const ROUTE_CAP: Partial<Record<RouteId, Partial<Record<PrincipleId, number>>>> = {
  herd: { 'original-problem': 0 },
  'none-yet': { 'original-problem': 0 },
};
export const UNSTATED_QUESTION_CAP = 5;

/** What scoring needs of a route: its id, and for an original question whether it is stated. */
export type ScoredRoute = Route & { questionStated?: boolean };

/** The most a principle can score on a route (10 when the route does not cap it). */
export function routeCap(principle: PrincipleId, route?: ScoredRoute | null): number {
  if (!route) return 10;
  const cap = ROUTE_CAP[route.id]?.[principle];
  if (cap !== undefined) return cap;
  if (route.id === 'original-question' && principle === 'original-problem' && route.questionStated === false)
    return UNSTATED_QUESTION_CAP;
  return 10;
}

/** A principle's weight for a project on a route. */
export function principleWeight(principle: PrincipleId, route?: RouteId | null): PrincipleWeight | undefined {
  return (route ? ROUTE_WEIGHT[route]?.[principle] : undefined) ?? PRINCIPLE_WEIGHT[principle];
}

/**
 * What each route changes in a principle's judgement, in the words reports show next to its score.
 * Principles a route leaves alone are judged as on every route and have no note.
 */
export const ROUTE_NOTES: Partial<Record<RouteId, Partial<Record<PrincipleId, string>>>> = {
  replication: {
    'original-problem':
      "replication route: the paper's question and benchmark data are expected, not herd; a capstone or Boston Housing still counts",
    'own-data':
      "replication route: own data is not asked of a replication, which uses the paper's data on purpose; data it collects adds a bonus",
    'replicate-papers': 'replication route: the replication is the contribution, so it counts in the total',
    'pretrained-models':
      'replication route: trains as the replicated paper does; from scratch is not a fault',
    'value-over-decimals': "replication route: the paper's reported numbers are the baseline",
  },
  'tool-pipeline': {
    'original-problem':
      'tool route: the tool is its own contribution; a stock-dataset model behind a tool would still be herd',
    'own-data':
      'tool route: judged on the tool it builds; collecting data is not asked of it and adds a bonus',
    'value-over-decimals':
      'tool route: judged on who the tool is for and its limits, not on a model metric it does not claim',
  },
  'own-data': {
    'own-data': 'own-data route: the data collected is the contribution',
  },
  'original-question': {
    'own-data':
      'original-question route: own data is another route, so it adds a bonus; public data for a question of its own is not marked down',
    'original-problem':
      'original-question route: no stock dataset, capstone or overused topic as its flagship',
  },
  herd: {
    'original-problem':
      'herd route: a stock dataset, capstone or overused topic is the flagship with its stock question, so this scores 0 however tidy the rest; own data, a replication, a tool or a question of its own would take it off the herd',
  },
  'none-yet': {
    'original-problem':
      'no route yet: nothing to read shows a problem of its own (no README, code, notebook or data), so this scores 0',
  },
};

/** How the route shaped a principle's judgement, in words; null when it did not. */
export function routeNote(principle: PrincipleId, route: ScoredRoute): string | null {
  const note = ROUTE_NOTES[route.id]?.[principle] ?? null;
  if (route.id === 'original-question' && principle === 'original-problem' && route.questionStated === false)
    return `${note}; at most ${UNSTATED_QUESTION_CAP} until the README states the question, since a reader cannot yet see that it is original`;
  return note;
}

/** A failed high-severity check with under half credit: caps its principle and heads the summary. */
export function isRedFlag(result: CheckResult): boolean {
  return result.outcome === 'fail' && result.severity === 'high' && (result.credit ?? 0) < 0.5;
}

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
  /**
   * How the project's route shaped this principle's judgement; null when it did not. Present when
   * a repository is scored with its route (blog posts have none).
   */
  routeNote?: string | null;
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

export function scoreChecks(
  results: readonly CheckResult[],
  scope: ScoreScope = 'repo',
  route?: ScoredRoute | null,
): ScoreResult {
  const routeId = route?.id ?? null;
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
    const policy = principleWeight(principle, routeId);
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
      const redFlags = decided.filter(isRedFlag).length;
      const cap = Math.min(
        RED_FLAG_CAPS[Math.min(redFlags, RED_FLAG_CAPS.length - 1)]!,
        routeCap(principle, route),
      );
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
      ...(route ? { routeNote: routeNote(principle, route) } : {}),
    });
  }

  for (const principle of Object.keys(PRINCIPLE_WEIGHT) as PrincipleId[]) {
    const policy = principleWeight(principle, routeId)!;
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
export function exactTotal(principles: readonly PrincipleScore[], route?: Route | null): number | null {
  let coreSum = 0;
  let coreWeight = 0;
  let bonus = 0;
  for (const p of principles) {
    const policy = principleWeight(p.principle, route?.id);
    if (!policy || p.score === null) continue;
    if (policy.kind === 'core') {
      coreSum += policy.weight * p.score;
      coreWeight += policy.weight;
    } else bonus += (BONUS_POINTS * p.score) / 10;
  }
  return coreWeight === 0 ? null : Math.min(100, (coreSum / coreWeight) * 10 + bonus);
}
