import type { RepoReport, Report } from '../engine/report.js';

/**
 * Object keys sorted at every level, so equal reports serialise to identical bytes. Each object's keys are sorted as it is written. A replacer makes one shallow copy per object, which is
 * garbage as soon as it is written, instead of a sorted deep copy of the whole report held at once.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(object).sort()) if (object[k] !== undefined) sorted[k] = object[k];
  return sorted;
}

/** The machine-readable report (schema/report.schema.json): stable key order, 2-space indent. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, sortedKeys, 2)}\n`;
}

/**
 * One repository as one line of JSON Lines (`--format jsonl`), keys sorted as in the JSON report.
 * Lines are written as repositories finish, so their order is the order of completion; `index`
 * is the repository's position in the input (from 0), to restore the input order or join back.
 */
export function renderJsonLine(repo: RepoReport, index: number): string {
  return `${JSON.stringify({ ...repo, index }, sortedKeys)}\n`;
}

/** A whole report as JSON Lines: the same lines a streamed run writes, here in input order. */
export function renderJsonLines(report: Report): string {
  return report.repos.map((repo, i) => renderJsonLine(repo, i)).join('');
}
