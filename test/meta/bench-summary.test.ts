import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownTable, median } from '../../scripts/bench/summary.js';

test('median of odd and even counts', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('the table marks targets met or missed', () => {
  const base = { repos: 100, runs: 3, baselineMedianMs: 10_000, auditErrors: null };
  const good = markdownTable({ ...base, auditMedianMs: 15_000, ratio: 1.5, peakRssMb: 120 });
  assert.match(good, /\| 1\.50× \| ≤ 2× \| met \|/);
  assert.match(good, /\| 120 MB \| < 300 MB \| met \|/);
  const bad = markdownTable({ ...base, auditMedianMs: 30_000, ratio: 3, peakRssMb: 400 });
  assert.match(bad, /\| 3\.00× \| ≤ 2× \| missed \|/);
  assert.match(bad, /\| 400 MB \| < 300 MB \| missed \|/);
  const none = markdownTable({
    ...base,
    auditMedianMs: null,
    ratio: null,
    peakRssMb: null,
    auditErrors: 'no CLI',
  });
  assert.match(none, /not measured: no CLI/);
});
