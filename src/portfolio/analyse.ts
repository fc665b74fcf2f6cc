import type { RepoReport } from '../engine/report.js';
import { domainFocus } from './domains.js';
import { effortShape, pickFlagship } from './effort.js';
import { portfolioGaps } from './gaps.js';
import { repetition } from './repetition.js';
import type { Portfolio } from './types.js';

/**
 * The portfolio view over several repositories of one person: flagship, how effort is spread,
 * repeated stacks and notebook shapes, domain focus, and what the whole still lacks. Pure: the
 * same reports give the same view. Repositories that could not be audited are left out.
 */
export function analysePortfolio(reports: readonly RepoReport[]): Portfolio {
  const repos = reports.filter((r) => r.error === null);
  const flagship = pickFlagship(repos);
  const effort = effortShape(repos, flagship);
  const repeated = repetition(repos);
  const domains = domainFocus(repos);
  const gaps = portfolioGaps(repos);
  const parts: string[] = [];
  if (flagship) parts.push(`Flagship: ${flagship.name} (${flagship.reason}).`);
  parts.push(effort.note, repeated.note, domains.note);
  if (gaps.length > 0)
    parts.push(
      `Still missing: ${gaps
        .slice(0, 3)
        .map((g) => g.title.toLowerCase())
        .join('; ')}.`,
    );
  return {
    repos: repos.map((r) => r.name),
    flagship,
    effort,
    repetition: repeated,
    domains,
    gaps,
    summary: parts.join(' '),
  };
}
