/** Below this many repositories a shared fingerprint says little about how common it is. */
export const MIN_REPOS_FOR_COMMON = 10;
/** A fingerprint in more than this share of the repositories is boilerplate, not a copy. */
export const COMMON_SHARE = 0.2;

/**
 * The number of repositories above which a fingerprint counts as common code (the same
 * `train_test_split` stanza everyone writes) and is left out of every similarity figure.
 * Small cohorts keep everything: three copies of one capstone must still be found.
 */
export function commonCutoff(repos: number): number {
  return repos < MIN_REPOS_FOR_COMMON
    ? Number.POSITIVE_INFINITY
    : Math.max(3, Math.ceil(COMMON_SHARE * repos));
}

/** How many repositories hold each hash (each repository counted once). */
export function documentFrequency(hashSets: Iterable<ReadonlySet<number>>): Map<number, number> {
  const df = new Map<number, number>();
  for (const set of hashSets) for (const h of set) df.set(h, (df.get(h) ?? 0) + 1);
  return df;
}
