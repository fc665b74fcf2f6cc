import type { RepoInput, RepoReport, Report } from '../engine/report.js';
import type { PrincipleId } from '../principles.js';
import { PRINCIPLE_WEIGHT } from '../scoring/policy.js';
import { carriedColumns } from './input-text.js';

/**
 * One row per repository for spreadsheets: carried input columns (from `--from`), score,
 * sub-scores per principle, key facts. RFC 4180: CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled. A cell that a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with `'` so it shows as text.
 */

/** Repository principles in the product's order: the sub-score columns, the same for every report. */
const SCORED_PRINCIPLES = (Object.keys(PRINCIPLE_WEIGHT) as PrincipleId[]).filter(
  (p) => PRINCIPLE_WEIGHT[p]?.scope === 'repo',
);

type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface Column {
  header: string;
  value(repo: RepoReport): Cell;
}

const FACT_COLUMNS: Column[] = [
  { header: 'commits', value: (r) => r.facts?.git?.commitCount },
  { header: 'span_days', value: (r) => r.facts?.git?.spanDays },
  { header: 'active_days', value: (r) => r.facts?.git?.activeDays },
  { header: 'first_commit', value: (r) => r.facts?.git?.firstCommit },
  { header: 'last_commit', value: (r) => r.facts?.git?.lastCommit },
  { header: 'readme_words', value: (r) => r.facts?.readme.words },
  { header: 'notebooks', value: (r) => r.facts?.notebooks },
  { header: 'python_modules', value: (r) => r.facts?.pythonModules },
  { header: 'data_files', value: (r) => r.facts?.dataFiles },
  { header: 'own_data', value: (r) => r.facts?.customData },
  { header: 'tests', value: (r) => r.facts?.tests },
  { header: 'ci', value: (r) => r.facts?.ci },
  { header: 'docker', value: (r) => r.facts?.dockerfile },
  { header: 'pinned_dependencies', value: (r) => r.facts?.pinnedDependencies },
  { header: 'web_apps', value: (r) => r.facts?.webApps.join('; ') },
  { header: 'stock_datasets', value: (r) => r.facts?.stockDatasets.map((d) => d.name).join('; ') },
  { header: 'stack', value: (r) => r.facts?.stack.join('; ') },
];

/**
 * A carried column named like one of ours (an applicants list with its own `name` or `score`)
 * would give two columns of one name; the carried one gets an `input_` prefix instead.
 */
function carriedHeader(key: string, taken: ReadonlySet<string>): string {
  let header = key;
  while (taken.has(header.toLowerCase())) header = `input_${header}`;
  return header;
}

/** The columns of a CSV report: carried input columns (known from the inputs alone), then ours. */
export function csvColumns(inputs: readonly (RepoInput | undefined)[]): Column[] {
  const own: Column[] = [
    { header: 'name', value: (r) => r.name },
    { header: 'path', value: (r) => r.path },
    { header: 'url', value: (r) => r.input?.url },
    { header: 'score', value: (r) => r.score },
    { header: 'route', value: (r) => r.route?.id },
    ...SCORED_PRINCIPLES.map((p) => ({
      header: p,
      value: (r: RepoReport) => r.principles.find((s) => s.principle === p)?.score,
    })),
    { header: 'red_flags', value: (r) => (r.error === null ? r.redFlags.length : null) },
    {
      header: 'failed_checks',
      value: (r) => (r.error === null ? r.checks.filter((c) => c.outcome === 'fail').length : null),
    },
    ...FACT_COLUMNS,
    { header: 'since_last_run', value: (r) => r.changes?.summary },
    { header: 'top_next_step', value: (r) => r.nextSteps[0]?.advice },
    { header: 'error', value: (r) => r.error },
    { header: 'duplicate_of', value: (r) => r.input?.duplicateOf },
    { header: 'input_note', value: (r) => r.input?.note },
  ];
  const taken = new Set(own.map((c) => c.header.toLowerCase()));
  const carried: Column[] = carriedColumns(inputs).map((key) => {
    const header = carriedHeader(key, taken);
    taken.add(header.toLowerCase());
    return { header, value: (r: RepoReport) => r.input?.columns?.[key] };
  });
  return [...carried, ...own];
}

/** The header line, CRLF included. */
export function csvHeader(columns: readonly Column[]): string {
  return `${columns.map((c) => csvCell(c.header)).join(',')}\r\n`;
}

/** One repository's line, CRLF included: what a streaming writer emits as each repository finishes. */
export function csvRow(columns: readonly Column[], repo: RepoReport): string {
  return `${columns.map((c) => csvCell(c.value(repo))).join(',')}\r\n`;
}

export function renderCsv(report: Report): string {
  const columns = csvColumns(report.repos.map((r) => r.input));
  let text = csvHeader(columns);
  for (const repo of report.repos) text += csvRow(columns, repo);
  return text;
}
