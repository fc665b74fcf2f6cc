import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kgramHashes, winnow } from './winnow.js';

/** A deterministic pseudo-random stream (xorshift), so the test is the same on every run. */
function stream(seed: number, length: number): number[] {
  let x = seed >>> 0 || 1;
  return Array.from({ length }, () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % 40;
  });
}

describe('winnowing', () => {
  it('rolling k-gram hashes equal hashes computed from scratch', () => {
    const s = stream(7, 60);
    const rolled = kgramHashes(s, 5);
    for (let i = 0; i + 5 <= s.length; i++) assert.equal(rolled[i], kgramHashes(s.slice(i, i + 5), 5)[0]);
  });

  it('selects a hash in every window, each position once', () => {
    const k = kgramHashes(stream(3, 500), 6);
    const picked = winnow(k, 5);
    const positions = picked.map((p) => p.start);
    assert.deepEqual(
      positions,
      [...new Set(positions)].sort((a, b) => a - b),
    );
    for (let end = 4; end < k.length; end++) assert.ok(positions.some((p) => p > end - 5 && p <= end));
    assert.ok(picked.length < k.length / 2, 'keeps a fraction of the k-grams');
  });

  it('guarantees a shared fingerprint for any shared run of k + w − 1 tokens', () => {
    const k = 6;
    const w = 5;
    for (let seed = 1; seed <= 30; seed++) {
      const shared = stream(seed * 101, k + w - 1);
      const a = [...stream(seed, 37), ...shared, ...stream(seed + 1, 23)];
      const b = [...stream(seed + 2, 11), ...shared, ...stream(seed + 3, 41)];
      const ha = new Set(winnow(kgramHashes(a, k), w).map((p) => p.hash));
      assert.ok(
        winnow(kgramHashes(b, k), w).some((p) => ha.has(p.hash)),
        `seed ${seed}`,
      );
    }
  });

  it('gives nothing for a stream shorter than k: one-liners are never fingerprints', () => {
    assert.deepEqual(winnow(kgramHashes([1, 2, 3], 5), 4), []);
  });
});
