import type { Passage, RepoCode, RepoFeatures, SimilarityParts, Span } from './types.js';

/** How much each part weighs in the combined "how alike" figure; code is the strongest evidence. */
export const PART_WEIGHTS: SimilarityParts = { code: 0.5, dataset: 0.2, topic: 0.2, stack: 0.1 };
/** Shared passages reported per pair: the longest ones. */
export const MAX_PASSAGES = 20;

/** Distinct fingerprint hashes of a repository, leaving out those `ignore` calls boilerplate. */
export function distinctHashes(code: RepoCode, ignore?: (hash: number) => boolean): Set<number> {
  const set = new Set<number>();
  for (const f of code.fingerprints) if (!ignore?.(f.hash)) set.add(f.hash);
  return set;
}

/** Dice coefficient over distinct fingerprints: shared / average size. 0 when either side has none. */
export function dice(sizeA: number, sizeB: number, shared: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

export function jaccard(a: readonly string[], b: readonly string[]): { value: number; shared: string[] } {
  const setB = new Set(b);
  const shared = [...new Set(a)].filter((x) => setB.has(x)).sort();
  const union = new Set([...a, ...b]).size;
  return { value: union === 0 ? 0 : shared.length / union, shared };
}

export interface FeatureComparison {
  dataset: number;
  topic: number;
  stack: number;
  shared: { datasets: string[]; headers: string[]; topics: string[]; stack: string[]; headings: string[] };
}

/** Dataset, topic and stack similarity (Jaccard), with what is shared, for the report. */
export function compareFeatures(a: RepoFeatures, b: RepoFeatures): FeatureComparison {
  const dataset = jaccard(
    [...a.datasets, ...a.headers.map((h) => `h:${h}`)],
    [...b.datasets, ...b.headers.map((h) => `h:${h}`)],
  );
  const topic = jaccard(
    [...a.topics, ...a.titleWords.map((w) => `w:${w}`)],
    [...b.topics, ...b.titleWords.map((w) => `w:${w}`)],
  );
  const stack = jaccard(a.stack, b.stack);
  return {
    dataset: dataset.value,
    topic: topic.value,
    stack: stack.value,
    shared: {
      datasets: jaccard(a.datasets, b.datasets).shared,
      headers: jaccard(a.headers, b.headers).shared,
      topics: [...jaccard(a.topics, b.topics).shared, ...jaccard(a.titleWords, b.titleWords).shared],
      stack: stack.shared,
      headings: jaccard(a.headings, b.headings).shared,
    },
  };
}

export function combine(parts: SimilarityParts): number {
  return round(
    parts.code * PART_WEIGHTS.code +
      parts.dataset * PART_WEIGHTS.dataset +
      parts.topic * PART_WEIGHTS.topic +
      parts.stack * PART_WEIGHTS.stack,
  );
}

/** Figures are reported to three decimals so output is stable across platforms. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface Match {
  ua: number;
  ub: number;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

function spanOf(code: RepoCode, unit: number, startLine: number, endLine: number): Span {
  const u = code.units[unit]!;
  return u.cell === undefined
    ? { file: u.file, startLine, endLine }
    : { file: u.file, cell: u.cell, startLine, endLine };
}

/**
 * The shared passages between two repositories: every shared fingerprint placed on both sides,
 * neighbouring ones in the same pair of units merged into one passage, the longest kept. Sorted
 * by place in `a`, so the output does not depend on hash order.
 */
export function sharedPassages(
  a: RepoCode,
  b: RepoCode,
  shared: ReadonlySet<number>,
  max = MAX_PASSAGES,
): Passage[] {
  if (shared.size === 0) return [];
  const inB = new Map<number, { unit: number; startLine: number; endLine: number }[]>();
  for (const f of b.fingerprints) {
    if (!shared.has(f.hash)) continue;
    const list = inB.get(f.hash) ?? [];
    if (list.length < 4) list.push(f);
    inB.set(f.hash, list);
  }
  const matches: Match[] = [];
  for (const f of a.fingerprints) {
    const others = inB.get(f.hash);
    if (!others) continue;
    for (const o of others) {
      matches.push({
        ua: f.unit,
        ub: o.unit,
        aStart: f.startLine,
        aEnd: f.endLine,
        bStart: o.startLine,
        bEnd: o.endLine,
      });
    }
  }
  matches.sort((x, y) => x.ua - y.ua || x.ub - y.ub || x.aStart - y.aStart || x.bStart - y.bStart);
  const merged: Match[] = [];
  for (const m of matches) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.ua === m.ua &&
      last.ub === m.ub &&
      m.aStart <= last.aEnd + 1 &&
      m.bStart <= last.bEnd + 1 &&
      m.bEnd >= last.bStart - 1
    ) {
      last.aEnd = Math.max(last.aEnd, m.aEnd);
      last.bStart = Math.min(last.bStart, m.bStart);
      last.bEnd = Math.max(last.bEnd, m.bEnd);
      continue;
    }
    merged.push({ ...m });
  }
  const longest = merged
    .map((m, order) => ({ m, order, size: m.aEnd - m.aStart + 1 }))
    .sort((x, y) => y.size - x.size || x.order - y.order)
    .slice(0, max)
    .sort((x, y) => x.order - y.order);
  return longest.map(({ m }) => ({
    a: spanOf(a, m.ua, m.aStart, m.aEnd),
    b: spanOf(b, m.ub, m.bStart, m.bEnd),
  }));
}
