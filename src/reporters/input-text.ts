import type { RepoInput } from '../engine/report.js';

/**
 * How an entry was named (`audit --from applicants.csv`, a URL) as labelled points, shared by the
 * terminal, Markdown and HTML: carried columns in the list's own order, then the URL, a duplicate,
 * a note on how it was obtained.
 */
export interface InputPoint {
  label: string;
  text: string;
}

export function inputPoints(input: RepoInput | undefined): InputPoint[] {
  if (!input) return [];
  const points: InputPoint[] = Object.entries(input.columns ?? {})
    .filter(([, value]) => value.trim() !== '')
    .map(([label, text]) => ({ label, text }));
  if (input.url !== undefined) points.push({ label: 'url', text: input.url });
  if (input.duplicateOf !== undefined) points.push({ label: 'duplicate of', text: input.duplicateOf });
  if (input.note !== undefined) points.push({ label: 'note', text: input.note });
  return points;
}

/** Carried column names across every repository, sorted: the same columns for every row. */
export function carriedColumns(inputs: readonly (RepoInput | undefined)[]): string[] {
  return [...new Set(inputs.flatMap((i) => Object.keys(i?.columns ?? {})))].sort();
}
