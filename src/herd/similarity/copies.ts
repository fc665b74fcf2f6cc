import { commonCutoff, documentFrequency } from './boilerplate.js';
import { dice, distinctHashes, round, sharedPassages } from './compare.js';
import type { Passage, RepoProfile } from './types.js';

export const DEFAULT_COPY_THRESHOLD = 0.5;

export interface CopyPair {
  /** Paths as given; `a` comes first in the input. */
  a: string;
  b: string;
  /** 0–1: shared distinct fingerprints over the average of both (Dice), boilerplate left out. */
  similarity: number;
  passages: Passage[];
}

/**
 * Pairs of repositories in a cohort whose code is a near-copy: an inverted index from fingerprint
 * to repositories, so only pairs that share something are ever compared. Fingerprints held by a
 * large share of the cohort are boilerplate and ignored. Ordered by similarity, then input order.
 */
export function findCopies(profiles: readonly RepoProfile[], threshold = DEFAULT_COPY_THRESHOLD): CopyPair[] {
  const all = profiles.map((p) => distinctHashes(p.code));
  const df = documentFrequency(all);
  const cutoff = commonCutoff(profiles.length);
  const kept = all.map((set) => {
    const k = new Set<number>();
    for (const h of set) if ((df.get(h) ?? 0) <= cutoff) k.add(h);
    return k;
  });
  const holders = new Map<number, number[]>();
  kept.forEach((set, repo) => {
    for (const h of set) {
      if ((df.get(h) ?? 0) < 2) continue;
      const list = holders.get(h) ?? [];
      list.push(repo);
      holders.set(h, list);
    }
  });
  const n = profiles.length;
  const sharedCount = new Map<number, number>();
  for (const list of holders.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! * n + list[j]!;
        sharedCount.set(key, (sharedCount.get(key) ?? 0) + 1);
      }
  }
  const pairs: (CopyPair & { i: number; j: number })[] = [];
  for (const [key, shared] of sharedCount) {
    const i = Math.floor(key / n);
    const j = key % n;
    const similarity = round(dice(kept[i]!.size, kept[j]!.size, shared));
    if (similarity < threshold) continue;
    const common = new Set<number>();
    for (const h of kept[i]!) if (kept[j]!.has(h)) common.add(h);
    pairs.push({
      i,
      j,
      a: profiles[i]!.path,
      b: profiles[j]!.path,
      similarity,
      passages: sharedPassages(profiles[i]!.code, profiles[j]!.code, common),
    });
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  return pairs.map(({ a, b, similarity, passages }) => ({ a, b, similarity, passages }));
}
