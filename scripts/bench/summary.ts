/** Turns measured runs into the numbers the benchmark reports, and the Markdown table it prints. */

export const TARGETS = { maxRatio: 2, maxPeakRssMb: 300 } as const;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface BenchSummary {
  repos: number;
  runs: number;
  baselineMedianMs: number;
  auditMedianMs: number | null;
  /** Audit time divided by baseline time (lower is better; the target is at most 2). */
  ratio: number | null;
  peakRssMb: number | null;
  auditErrors: string | null;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const perSecond = (repos: number, ms: number) => fmt(repos / (ms / 1000));
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

export function markdownTable(s: BenchSummary): string {
  const rows = [
    '| measure | value | target | |',
    '| --- | --- | --- | --- |',
    `| baseline: git log --numstat + read every tracked file | ${perSecond(s.repos, s.baselineMedianMs)} repos/s (${fmt(s.baselineMedianMs / 1000, 2)} s) | | |`,
  ];
  if (s.auditMedianMs === null || s.ratio === null) {
    rows.push(`| unherd audit | not measured: ${s.auditErrors ?? 'no CLI'} | | |`);
  } else {
    rows.push(
      `| unherd audit, one process, JSON output | ${perSecond(s.repos, s.auditMedianMs)} repos/s (${fmt(s.auditMedianMs / 1000, 2)} s) | | |`,
      `| audit time ÷ baseline time | ${fmt(s.ratio, 2)}× | ≤ ${TARGETS.maxRatio}× | ${verdict(s.ratio <= TARGETS.maxRatio)} |`,
    );
    rows.push(
      s.peakRssMb === null
        ? '| peak RSS | not measured | | |'
        : `| peak RSS | ${fmt(s.peakRssMb, 0)} MB | < ${TARGETS.maxPeakRssMb} MB | ${verdict(s.peakRssMb < TARGETS.maxPeakRssMb)} |`,
    );
  }
  return `${rows.join('\n')}\n\n${s.repos} repositories, median of ${s.runs} run(s).`;
}
