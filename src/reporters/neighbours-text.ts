import type { Neighbour, NeighboursReport, SimilarityParts, Span } from '../herd/similarity/types.js';

/**
 * `audit --against index.db` as plain-text pieces shared by the terminal, Markdown and HTML: who
 * the nearest indexed repositories are, how alike, and what exactly is shared.
 */

/** Shared code passages shown per neighbour before "… and N more". */
export const MAX_PASSAGES = 5;
/** Items of one shared list (headers, stack, …) shown before "… and N more". */
const MAX_ITEMS = 8;

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `src/clean.py:3-9`, or `eda.ipynb cell 2 lines 3-9` (cells 1-based, as a person counts them). */
export function formatSpan(span: Span): string {
  const lines = span.startLine === span.endLine ? `${span.startLine}` : `${span.startLine}-${span.endLine}`;
  if (span.cell !== undefined) {
    const word = span.startLine === span.endLine ? 'line' : 'lines';
    return `${span.file} cell ${span.cell + 1} ${word} ${lines}`;
  }
  return `${span.file}:${lines}`;
}

/** "code 80%, data 50%, topic 33%, stack 60%". */
export function partsText(parts: SimilarityParts): string {
  return `code ${percent(parts.code)}, data ${percent(parts.dataset)}, topic ${percent(parts.topic)}, stack ${percent(parts.stack)}`;
}

/** One line about the index as a whole: how many compared, how herd-like overall. */
export function indexLine(n: NeighboursReport): string {
  const h = n.herdLikeness;
  return `Compared with ${n.compared} indexed repositor${n.compared === 1 ? 'y' : 'ies'} in ${n.index}; herd-likeness ${percent(h.overall)} (${partsText(h)}).`;
}

export function emptyLine(n: NeighboursReport): string | null {
  if (n.error !== null) return `Neighbours could not be computed: ${n.error}`;
  if (n.nearest.length === 0) return 'No indexed repository is close enough to name.';
  return null;
}

export interface SharedList {
  label: string;
  items: string[];
  more: number;
}

/** What the neighbour shares besides code, as labelled lists; empty lists left out. */
export function sharedLists(n: Neighbour): SharedList[] {
  const lists: [string, string[]][] = [
    ['datasets', n.shared.datasets],
    ['data headers', n.shared.headers],
    ['topics', n.shared.topics],
    ['stack', n.shared.stack],
    ['notebook headings', n.shared.headings],
  ];
  return lists
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => ({
      label,
      items: items.slice(0, MAX_ITEMS),
      more: Math.max(0, items.length - MAX_ITEMS),
    }));
}

export function sharedListText(list: SharedList): string {
  const more = list.more > 0 ? `, … and ${list.more} more` : '';
  return `${list.label}: ${list.items.join('; ')}${more}`;
}

/** "this ↔ neighbour" for each shared passage, at most MAX_PASSAGES, plus how many were left out. */
export function passageLines(n: Neighbour): { lines: { a: string; b: string }[]; more: number } {
  return {
    lines: n.shared.passages.slice(0, MAX_PASSAGES).map((p) => ({ a: formatSpan(p.a), b: formatSpan(p.b) })),
    more: Math.max(0, n.shared.passages.length - MAX_PASSAGES),
  };
}
