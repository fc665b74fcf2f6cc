import { csvCell } from '../../reporters/csv.js';
import type { CohortRow } from '../data.js';
import { REPO_PRINCIPLES } from './cohort.js';

/**
 * The cohort view as CSV, one row per repository in the view's order: the same cells the table
 * shows, sub-scores one column each. Cells are quoted and de-formula'd as the CSV report does.
 */

const HEADER = [
  'repository',
  'identity',
  'score',
  ...REPO_PRINCIPLES,
  'red_flags',
  'red_flag_list',
  'route',
  'herd',
  'last_activity',
  'recorded_at',
  'commit',
  'error',
];

export function csvHeader(): string {
  return `${HEADER.map(csvCell).join(',')}\r\n`;
}

export function csvRow(r: CohortRow): string {
  const sub = new Map(r.principles.map((p) => [p.principle, p.score]));
  const cells = [
    r.name,
    r.identity,
    r.score,
    ...REPO_PRINCIPLES.map((id) => sub.get(id) ?? null),
    r.error === null ? r.redFlags.length : null,
    r.redFlags.join('; '),
    r.route,
    r.herd.join('; '),
    r.lastActivity,
    r.recordedAt,
    r.commit,
    r.error,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}
