import type { Finding } from '../checks/types.js';
import type { RepoReport, Report, ReportedFinding } from '../engine/report.js';
import { PRINCIPLE_IDS, PRINCIPLES, type PrincipleId } from '../principles.js';
import type { PrincipleScore } from '../scoring/policy.js';
import { ROUTE_TITLES, type RouteId } from '../scoring/route.js';

/** "Since the last run (2026-10-01, abc1234): +3 (61 → 64): now …", when the store had a previous run. */
export function sinceLastRun(repo: RepoReport): string | null {
  const changes = repo.changes;
  if (!changes) return null;
  const when = [changes.since.recordedAt.slice(0, 10), changes.since.commit?.slice(0, 7)]
    .filter(Boolean)
    .join(', ');
  return `Since the last run (${when}): ${changes.summary}`;
}

/** Evidence lines shown per finding before "… and N more". */
export const MAX_EVIDENCE = 5;

export const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** "Route: a paper replication — cites …; says …", or null when the repository has no route. */
export function routeText(repo: RepoReport): string | null {
  if (!repo.route) return null;
  const reasons = repo.route.reasons.length > 0 ? ` — it ${repo.route.reasons.join('; ')}` : '';
  return `Route: ${ROUTE_TITLES[repo.route.id]}${reasons}.`;
}

/** How a next step names the route its advice is for. */
export function routeTag(route: RouteId | undefined): string {
  return route ? `, ${route} route` : '';
}

/** A principle's notes: what was left out, then how the route shaped it. */
export function principleNote(p: PrincipleScore): string {
  return [p.note, p.routeNote].filter((n): n is string => Boolean(n)).join('; ');
}

export function principleTitle(id: PrincipleId): string {
  return PRINCIPLES[id]?.title ?? id;
}

/** Failing findings grouped by principle, principles in product order, worst first inside each. */
export function failuresByPrinciple(repo: RepoReport): { principle: PrincipleId; findings: Finding[] }[] {
  const groups: { principle: PrincipleId; findings: Finding[] }[] = [];
  for (const principle of PRINCIPLE_IDS) {
    const findings = repo.findings
      .filter((f) => f.principle === principle && f.outcome === 'fail' && !isIgnored(f))
      .sort(
        (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.check.localeCompare(b.check),
      );
    if (findings.length > 0) groups.push({ principle, findings });
  }
  return groups;
}

export function isIgnored(finding: Finding): boolean {
  return (finding as ReportedFinding).ignored !== undefined;
}

/** Failing findings a config `ignore` entry covers, by check code, with the candidate's reason. */
export function ignoredFindings(repo: RepoReport): (ReportedFinding & { ignored: { reason: string } })[] {
  return repo.findings
    .filter(
      (f): f is ReportedFinding & { ignored: { reason: string } } => f.outcome === 'fail' && isIgnored(f),
    )
    .sort((a, b) => a.check.localeCompare(b.check) || a.message.localeCompare(b.message));
}

/** Titles of passing checks in one principle: what stands out there. */
export function passTitles(repo: RepoReport, principle: PrincipleId): string[] {
  return repo.checks
    .filter((c) => c.principle === principle && c.outcome === 'pass')
    .sort((a, b) => a.check.localeCompare(b.check))
    .map((c) => c.title);
}

/** Principles that have failures or passes, in product order. */
export function principlesWithResults(repo: RepoReport): PrincipleId[] {
  return PRINCIPLE_IDS.filter((p) =>
    repo.checks.some(
      (c) => c.principle === p && (c.outcome === 'pass' || c.outcome === 'fail' || c.outcome === 'error'),
    ),
  );
}

export interface RankedRepo {
  rank: number;
  repo: RepoReport;
}

/** Repositories by score, best first; unscored and failed audits last; ties keep input order. */
export function rankRepos(report: Report): RankedRepo[] {
  return report.repos
    .map((repo, index) => ({ repo, index }))
    .sort((a, b) => (b.repo.score ?? -1) - (a.repo.score ?? -1) || a.index - b.index)
    .map(({ repo }, i) => ({ rank: i + 1, repo }));
}

export function redFlagCount(repo: RepoReport): number {
  return repo.redFlags.length;
}

/** The report without ignored findings: what exit codes and gates should judge. */
export function withoutIgnoredFindings(report: Report): Report {
  return {
    ...report,
    repos: report.repos.map((r) => ({ ...r, findings: r.findings.filter((f) => !isIgnored(f)) })),
  };
}

/** Excluded principles not already shown with their own "not scored" note among the principle scores. */
export function unlistedExclusions(repo: RepoReport): RepoReport['excludedPrinciples'] {
  const listed = new Set(repo.principles.map((p) => p.principle));
  return repo.excludedPrinciples.filter((e) => !listed.has(e.principle));
}
