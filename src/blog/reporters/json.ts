import type { BlogReport } from '../review.js';

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

/** The blog JSON contract (schema/blog.schema.json): stable key order; per-check results left out. */
export function renderBlogJson(report: BlogReport): string {
  const posts = report.posts.map(({ checks: _checks, ...post }) => post);
  return `${JSON.stringify(sortKeys({ ...report, posts }), null, 2)}\n`;
}
