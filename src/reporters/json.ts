import type { Report } from '../engine/report.js';

/** Object keys sorted at every level, so equal reports serialise to identical bytes. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** The machine-readable report (schema/report.schema.json): stable key order, 2-space indent. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(sortKeys(report), null, 2)}\n`;
}
