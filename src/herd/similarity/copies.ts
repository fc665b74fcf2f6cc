import { commonCutoff, documentFrequency } from './boilerplate.js';
import { dice, distinctHashes, round, sharedPassages } from './compare.js';
import type { Passage, RepoProfile } from './types.js';

export const DEFAULT_COPY_THRESHOLD = 0.5;

/**
 * What two repositories share with the course material given as `--base` (the starter code of a
 * capstone): shared starter code, which is not copying (docs/herd.md).
 */
export interface StarterShare {
  /** The similarity had the starter code been counted, as a comparison without `--base` reports it. */
  withStarter: number;
  /** Passages both repositories share with the course material. */
  passages: Passage[];
  /** The course capstone both repositories match in the herd catalogue, when they match the same one. */
  capstone?: string;
}

export interface CopyPair {
  /** Paths as given; `a` comes first in the input. */
  a: string;
  b: string;
  /**
   * 0–1: shared distinct fingerprints over the average of both (Dice), boilerplate and starter code
   * (`--base`) left out.
   */
  similarity: number;
  passages: Passage[];
  /** Present when the two also share starter code from `--base`. */
  starter?: StarterShare;
}

export interface CopyOptions {
  /** Fingerprints of the course material (`--base`): removed from the comparison, as MOSS base files. */
  base?: ReadonlySet<number>;
}

export interface CopyFindings {
  /** Near-copies: similar at or above the threshold once starter code is left out. */
  pairs: CopyPair[];
  /**
   * Pairs a comparison without `--base` would call near-copies, but whose likeness is shared starter
   * code: below the threshold once it is left out. Always empty without `--base`.
   */
  starterOnly: CopyPair[];
}

/**
 * Pairs of repositories in a cohort whose code is a near-copy: an inverted index from fingerprint
 * to repositories, so only pairs that share something are ever compared. Fingerprints held by a
 * large share of the cohort are boilerplate and ignored. Ordered by similarity, then input order.
 */
export function findCopies(
  profiles: readonly RepoProfile[],
  threshold = DEFAULT_COPY_THRESHOLD,
  options: CopyOptions = {},
): CopyPair[] {
  return compareCohort(profiles, threshold, options).pairs;
}

/**
 * Copy detection with the starter code told apart: fingerprints of the course material count for
 * neither side, so two students who kept the same starter code are not near-copies, and what they
 * share with it is reported as shared starter code beside the remaining similarity.
 */
export function compareCohort(
  profiles: readonly RepoProfile[],
  threshold = DEFAULT_COPY_THRESHOLD,
  options: CopyOptions = {},
): CopyFindings {
  const base = options.base ?? new Set<number>();
  const all = profiles.map((p) => distinctHashes(p.code));
  const df = documentFrequency(all);
  const cutoff = commonCutoff(profiles.length);
  // Boilerplate (held by much of the cohort) is left out of both figures; starter code only of one.
  const withStarter = all.map((set) => {
    const k = new Set<number>();
    for (const h of set) if ((df.get(h) ?? 0) <= cutoff) k.add(h);
    return k;
  });
  const own = withStarter.map((set) => {
    if (base.size === 0) return set;
    const k = new Set<number>();
    for (const h of set) if (!base.has(h)) k.add(h);
    return k;
  });
  const holders = new Map<number, number[]>();
  withStarter.forEach((set, repo) => {
    for (const h of set) {
      if ((df.get(h) ?? 0) < 2) continue;
      const list = holders.get(h) ?? [];
      list.push(repo);
      holders.set(h, list);
    }
  });
  const n = profiles.length;
  const sharedOwn = new Map<number, number>();
  const sharedStarter = new Map<number, number>();
  for (const [hash, list] of holders) {
    const counts = base.has(hash) ? sharedStarter : sharedOwn;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! * n + list[j]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  }
  type Found = CopyPair & { i: number; j: number };
  const pairs: Found[] = [];
  const starterOnly: Found[] = [];
  for (const key of new Set([...sharedOwn.keys(), ...sharedStarter.keys()])) {
    const i = Math.floor(key / n);
    const j = key % n;
    const ownShared = sharedOwn.get(key) ?? 0;
    const starterShared = sharedStarter.get(key) ?? 0;
    const similarity = round(dice(own[i]!.size, own[j]!.size, ownShared));
    const full = round(dice(withStarter[i]!.size, withStarter[j]!.size, ownShared + starterShared));
    const copy = similarity >= threshold;
    if (!copy && full < threshold) continue;
    const common = new Set<number>();
    const starterCommon = new Set<number>();
    for (const h of withStarter[i]!) {
      if (!withStarter[j]!.has(h)) continue;
      (base.has(h) ? starterCommon : common).add(h);
    }
    const pair: Found = {
      i,
      j,
      a: profiles[i]!.path,
      b: profiles[j]!.path,
      similarity,
      passages: sharedPassages(profiles[i]!.code, profiles[j]!.code, common),
    };
    if (starterShared > 0) {
      pair.starter = {
        withStarter: full,
        passages: sharedPassages(profiles[i]!.code, profiles[j]!.code, starterCommon),
      };
    }
    (copy ? pairs : starterOnly).push(pair);
  }
  const order = (x: Found, y: Found) => y.similarity - x.similarity || x.i - y.i || x.j - y.j;
  const strip = ({ i: _i, j: _j, ...pair }: Found): CopyPair => pair;
  return { pairs: pairs.sort(order).map(strip), starterOnly: starterOnly.sort(order).map(strip) };
}

/** Every fingerprint of the course material given as `--base`, however many folders it spans. */
export function baseFingerprints(profiles: readonly RepoProfile[]): Set<number> {
  const set = new Set<number>();
  for (const p of profiles) for (const h of distinctHashes(p.code)) set.add(h);
  return set;
}
