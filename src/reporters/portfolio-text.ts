import type { Portfolio } from '../portfolio/types.js';

/** The portfolio view as labelled plain-text points, shared by the terminal, Markdown and HTML. */
export interface PortfolioPoint {
  label: string;
  text: string;
}

export function portfolioPoints(p: Portfolio): PortfolioPoint[] {
  const points: PortfolioPoint[] = [];
  points.push({
    label: 'Flagship',
    text: p.flagship
      ? `${p.flagship.name}${p.flagship.score === null ? '' : ` (${p.flagship.score}/100)`}: ${p.flagship.reason}`
      : 'none: no repository could be audited',
  });
  const weekend =
    p.effort.weekendRepos.length > 0 ? ` Weekend projects: ${p.effort.weekendRepos.join(', ')}.` : '';
  points.push({ label: 'Effort', text: `${p.effort.note}${weekend}` });
  points.push({ label: 'Repetition', text: p.repetition.note });
  const domains =
    p.domains.domains.length > 0
      ? ` Domains: ${p.domains.domains.map((d) => `${d.label} (${d.repos.join(', ')})`).join('; ')}.`
      : '';
  points.push({ label: 'Domain focus', text: `${p.domains.note}${domains}` });
  return points;
}

/** Gap lines, most valuable first: "title: advice". */
export function gapLines(p: Portfolio): string[] {
  return p.gaps.map((g) => `${g.title}: ${g.advice}`);
}
