import type { Severity } from '../checks/types.js';
import type { Report } from '../engine/report.js';

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
  if (report.repos.length > 0 && report.repos.every((r) => r.error !== null)) return EXIT_ERROR;
  if (failOn === null) return EXIT_OK;
  const threshold = RANK[failOn];
  const failing = report.repos.some((r) =>
    // A finding the user ignored with a reason has been answered; it does not fail the run.
    r.findings.some((f) => f.outcome === 'fail' && !f.ignored && RANK[f.severity] >= threshold),
  );
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
