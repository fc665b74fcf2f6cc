import type { Severity } from '../checks/types.js';
import type { RepoReport, Report } from '../engine/report.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/**
 * 1 when a failing finding is at or above `failOn`; 2 when no repository could be audited at all
 * (a typo in the only path must not look like a clean run); otherwise 0. One bad path among good
 * ones does not change the status: its error is in the report and the rest were audited.
 */
export function exitCodeFor(report: Report, failOn: Severity | null): number {
  const tally = exitTally(failOn);
  for (const repo of report.repos) tally.add(repo);
  return tally.code();
}

/** The same verdict as `exitCodeFor`, added up one repository at a time for a streamed run. */
export function exitTally(failOn: Severity | null): { add(repo: RepoReport): void; code(): number } {
  let total = 0;
  let errors = 0;
  let failing = false;
  const threshold = failOn === null ? null : RANK[failOn];
  return {
    add(repo) {
      total += 1;
      if (repo.error !== null) errors += 1;
      if (threshold !== null && !failing)
        // A finding the user ignored with a reason has been answered; it does not fail the run.
        failing = repo.findings.some(
          (f) => f.outcome === 'fail' && !f.ignored && RANK[f.severity] >= threshold,
        );
    },
    code() {
      if (total > 0 && errors === total) return EXIT_ERROR;
      return failing ? EXIT_FINDINGS : EXIT_OK;
    },
  };
}
