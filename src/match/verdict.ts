import type { AdReport, NextProject, RequirementItem, Verdict } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** Where the thresholds come from; printed with every report. */
export const HEURISTIC =
  'A heuristic, not a rule: apply when the code shows about half of what the ad requires. TalentWorks (2018, 6,348 applications) found interview chances rise from about 40% of requirements met and stop rising at about 60%; ads also overstate what the job needs. Coverage = (covered + ½ partial) ÷ required items the code can show; apply at 0.5 or more, stretch from 0.3, else not yet.';

export const APPLY_AT = 0.5;
export const STRETCH_AT = 0.3;

export function coverageOf(items: readonly RequirementItem[]): number | null {
  const judged = items.filter((i) => i.kind === 'required' && i.judgeable);
  if (judged.length === 0) return null;
  const points = judged.reduce(
    (sum, i) => sum + (i.status === 'covered' ? 1 : i.status === 'partial' ? 0.5 : 0),
    0,
  );
  return Math.round((points / judged.length) * 1000) / 1000;
}

export function verdictOf(coverage: number | null): Verdict {
  if (coverage === null) return 'unknown';
  if (coverage >= APPLY_AT) return 'apply';
  if (coverage >= STRETCH_AT) return 'stretch';
  return 'not-yet';
}

export function reasonOf(
  items: readonly RequirementItem[],
  coverage: number | null,
  verdict: Verdict,
): string {
  const judged = items.filter((i) => i.kind === 'required' && i.judgeable);
  if (coverage === null)
    return 'nothing this ad requires can be shown or refuted by code (years, degrees, soft skills only): read it yourself';
  const covered = judged.filter((i) => i.status === 'covered').length;
  const partial = judged.filter((i) => i.status === 'partial').length;
  const pct = Math.round(coverage * 100);
  const what = `your code shows ${covered} of the ${judged.length} required items the code can show${partial > 0 ? ` and ${partial} in part` : ''} (${pct}%)`;
  // One or two items are thin evidence either way: say so rather than look certain.
  const thin =
    judged.length <= 2
      ? `; the ad asks only ${judged.length === 1 ? 'this one thing' : 'these two things'} that code can show, so weigh the rest yourself`
      : '';
  if (verdict === 'apply') return `${what}: apply — few candidates meet every line of an ad${thin}`;
  if (verdict === 'stretch')
    return `${what}: a stretch — apply if the role matters to you, and close a gap first${thin}`;
  return `${what}: not yet — build the missing pieces into a project first${thin}`;
}

/** The one project addition that would cover the most missing required items. */
export function nextProjectOf(
  missing: readonly RequirementItem[],
  vocabulary: Vocabulary,
): NextProject | null {
  const covers = new Map<string, string[]>();
  for (const item of missing) {
    const additions = new Set(
      item.skills.map((s) => vocabulary.byId.get(s)?.addition).filter((a): a is string => !!a),
    );
    for (const a of additions) covers.set(a, [...(covers.get(a) ?? []), item.id]);
  }
  let best: { id: string; items: string[] } | null = null;
  for (const addition of vocabulary.additions) {
    const items = covers.get(addition.id) ?? [];
    if (items.length > 0 && (!best || items.length > best.items.length)) best = { id: addition.id, items };
  }
  if (!best) return null;
  const entry = vocabulary.additions.find((a) => a.id === best!.id)!;
  return { id: entry.id, name: entry.name, advice: entry.advice, covers: best.items };
}

const VERDICT_RANK: Record<Verdict, number> = { apply: 0, stretch: 1, 'not-yet': 2, unknown: 3 };

/**
 * Coverage for ordering only, pulled towards ½ by one covered and one missing pseudo-item: an ad
 * whose single checkable item is covered (1/1) ranks below one showing 10 of 12.
 */
function rankingCoverage(ad: AdReport): number {
  if (ad.coverage === null) return -1;
  const judged = ad.requirements.filter((i) => i.kind === 'required' && i.judgeable).length;
  return (ad.coverage * judged + 1) / (judged + 2);
}

/**
 * Best fit first: verdict, then coverage weighed by how many items it rests on, then fewer missing
 * items; unreadable ads last; ties keep input order.
 */
export function rankAds(ads: AdReport[]): AdReport[] {
  const indexed = ads.map((ad, i) => ({ ad, i }));
  indexed.sort((a, b) => {
    const ea = a.ad.error !== null ? 1 : 0;
    const eb = b.ad.error !== null ? 1 : 0;
    if (ea !== eb) return ea - eb;
    return (
      VERDICT_RANK[a.ad.verdict] - VERDICT_RANK[b.ad.verdict] ||
      rankingCoverage(b.ad) - rankingCoverage(a.ad) ||
      a.ad.missing.length - b.ad.missing.length ||
      a.i - b.i
    );
  });
  let rank = 0;
  return indexed.map(({ ad }) => ({ ...ad, rank: ad.error === null ? ++rank : null }));
}
