import { TOOL_VERSION } from '../version.js';
import { parseRequirements } from './ad/items.js';
import type { AdRead, AdText } from './ad/read.js';
import type { Portfolio } from './evidence.js';
import { interviewFoci } from './interview.js';
import {
  type AdReport,
  MATCH_SCHEMA_VERSION,
  type MatchReport,
  type PortfolioRepo,
  type RequirementItem,
} from './types.js';
import { coverageOf, HEURISTIC, nextProjectOf, rankAds, reasonOf, verdictOf } from './verdict.js';
import type { Vocabulary } from './vocabulary.js';

const DOMAIN_WORD = /^domain: (.+)$/;

/** One ad against the portfolio: items, their evidence, the verdict, the next project, interview prep. */
export function matchAd(ad: AdText, portfolio: Portfolio, vocabulary: Vocabulary): AdReport {
  const parsed = parseRequirements(ad.text, vocabulary);
  const requirements: RequirementItem[] = parsed.map((p, i) => {
    const item: RequirementItem = { id: `r${i + 1}`, ...p, status: null, evidence: [] };
    if (!p.judgeable) return item;
    const domain = p.category === 'domain' ? DOMAIN_WORD.exec(p.note ?? '') : null;
    const coverages = domain ? [portfolio.domain(domain[1]!)] : p.skills.map((s) => portfolio.coverage(s));
    const rank = { covered: 2, partial: 1, missing: 0 } as const;
    const best = coverages.sort((a, b) => rank[b.status] - rank[a.status])[0] ?? {
      status: 'missing' as const,
      evidence: [],
    };
    item.status = best.status;
    item.evidence = best.evidence;
    if (best.note) item.note = best.note;
    return item;
  });
  const coverage = coverageOf(requirements);
  const verdict = verdictOf(coverage);
  const missingItems = requirements.filter(
    (i) => i.kind === 'required' && i.judgeable && i.status === 'missing',
  );
  return {
    path: ad.path,
    title: ad.title,
    company: ad.company,
    source: ad.source,
    rank: null,
    requirements,
    coverage,
    verdict,
    reason: reasonOf(requirements, coverage, verdict),
    missing: missingItems.map((i) => ({ id: i.id, text: i.text, skills: i.skills })),
    nextProject: nextProjectOf(missingItems, vocabulary),
    interview: interviewFoci(ad.text, vocabulary),
    error: null,
  };
}

function failed(path: string, error: string): AdReport {
  return {
    path,
    title: null,
    company: null,
    source: null,
    rank: null,
    requirements: [],
    coverage: null,
    verdict: 'unknown',
    reason: error,
    missing: [],
    nextProject: null,
    interview: [],
    error,
  };
}

/** Many ads against one portfolio, ranked: where to apply first. */
export function matchAds(
  ads: readonly AdRead[],
  portfolio: Portfolio,
  repos: readonly PortfolioRepo[],
  vocabulary: Vocabulary,
): MatchReport {
  const reports = ads.map((ad) =>
    'error' in ad ? failed(ad.path, ad.error) : matchAd(ad, portfolio, vocabulary),
  );
  return {
    schemaVersion: MATCH_SCHEMA_VERSION,
    tool: { name: 'unherd', version: TOOL_VERSION },
    portfolio: [...repos],
    ads: rankAds(reports),
    heuristic: HEURISTIC,
  };
}
