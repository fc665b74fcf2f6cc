import type { TokenStream } from './tokenise.js';

/** Tokens per k-gram: shorter matches are noise (a line or so of code). */
export const K = 12;
/** Window size: any shared run of at least K + W − 1 tokens is guaranteed a shared fingerprint. */
export const W = 8;

/** One selected k-gram: its hash and the token positions it covers. */
export interface Selected {
  hash: number;
  /** Index of the first token of the k-gram. */
  start: number;
}

const BASE = 0x5bd1e995;

/** Murmur3's finaliser: spreads the polynomial hash so window minima are not biased. */
function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes of every k-gram of the stream (rolling, 32-bit); empty when the stream is shorter than k. */
export function kgramHashes(hashes: readonly number[], k = K): number[] {
  if (hashes.length < k) return [];
  let power = 1;
  for (let i = 1; i < k; i++) power = Math.imul(power, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + hashes[i]!) | 0;
  const out = [mix(h)];
  for (let i = k; i < hashes.length; i++) {
    h = (Math.imul(h - Math.imul(hashes[i - k]!, power), BASE) + hashes[i]!) | 0;
    out.push(mix(h));
  }
  return out;
}

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, 2003): in every window of `w` consecutive k-gram
 * hashes keep the smallest (the rightmost one on ties), each position once. Two streams sharing a
 * run of at least k + w − 1 tokens share at least one selected hash, and about 2/(w+1) of all
 * k-grams are kept.
 */
export function winnow(kgrams: readonly number[], w = W): Selected[] {
  const selected: Selected[] = [];
  if (kgrams.length === 0) return selected;
  if (kgrams.length <= w) {
    let min = 0;
    for (let i = 1; i < kgrams.length; i++) if (kgrams[i]! <= kgrams[min]!) min = i;
    selected.push({ hash: kgrams[min]!, start: min });
    return selected;
  }
  let last = -1;
  for (let end = w - 1; end < kgrams.length; end++) {
    let min = end - w + 1;
    for (let i = min + 1; i <= end; i++) if (kgrams[i]! <= kgrams[min]!) min = i;
    if (min !== last) {
      selected.push({ hash: kgrams[min]!, start: min });
      last = min;
    }
  }
  return selected;
}

/** Fingerprints of a token stream with the lines each covers. */
export function fingerprintTokens(
  tokens: TokenStream,
  k = K,
  w = W,
): { hash: number; startLine: number; endLine: number }[] {
  const { lines, endLines } = tokens;
  const selected = winnow(kgramHashes(tokens.hashes, k), w);
  return selected.map(({ hash, start }) => {
    let endLine = endLines[start]!;
    for (let i = start; i < start + k; i++) if (endLines[i]! > endLine) endLine = endLines[i]!;
    return { hash, startLine: lines[start]!, endLine };
  });
}
