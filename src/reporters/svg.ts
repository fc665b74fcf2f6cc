import type { PrincipleScore } from '../scoring/policy.js';
import { escapeHtml } from './html-escape.js';

/** Charts drawn at generation time as inline SVG, so the page needs no script or network to show them. */

/** Colour of a share (0–1) of the best score: the same thresholds as the terminal's colours. */
export function shareColor(share: number | null): string {
  if (share === null) return '#5f6368';
  return share >= 0.7 ? '#2e7d32' : share >= 0.4 ? '#975a00' : '#c62828';
}

/** Horizontal bars, one per principle, 0–10. */
export function principleChart(principles: readonly PrincipleScore[]): string {
  const rowHeight = 26;
  const labelWidth = 190;
  const barWidth = 300;
  const height = principles.length * rowHeight + 8;
  const rows = principles.map((p, i) => {
    const y = 4 + i * rowHeight;
    const width = p.score === null ? 0 : Math.round((p.score / 10) * barWidth);
    const value = p.score === null ? 'not scored' : p.score.toFixed(1);
    const kind = p.kind === 'core' ? '' : ` (${p.kind})`;
    return [
      `<text x="0" y="${y + 16}" class="lbl">${escapeHtml(p.title + kind)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="16" rx="3" fill="#eceff1"/>`,
      width > 0
        ? `<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="16" rx="3" fill="${shareColor(p.score === null ? null : p.score / 10)}"/>`
        : '',
      `<text x="${labelWidth + barWidth + 8}" y="${y + 16}" class="val">${value}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="Score per principle, 0 to 10" width="${labelWidth + barWidth + 80}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

/** How many repositories fall in each band of ten points; unscored ones are counted apart. */
export function scoreBins(scores: readonly (number | null)[]): number[] {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const s of scores) {
    if (s === null) continue;
    const i = Math.min(9, Math.max(0, Math.floor(s / 10)));
    bins[i] = (bins[i] ?? 0) + 1;
  }
  return bins;
}

/** A histogram of total scores in bands of ten. */
export function distributionChart(scores: readonly (number | null)[]): string {
  return binnedDistributionChart(scoreBins(scores), scores.filter((s) => s === null).length);
}

/** The same histogram from counts already binned (by `scoreBins` or by a database query). */
export function binnedDistributionChart(bins: readonly number[], unscored: number): string {
  const max = Math.max(1, ...bins);
  const barWidth = 44;
  const gap = 6;
  const chartHeight = 140;
  const width = bins.length * (barWidth + gap) + 10;
  const height = chartHeight + 40;
  const bars = bins.map((n, i) => {
    const x = 5 + i * (barWidth + gap);
    const h = Math.round((n / max) * chartHeight);
    const y = 10 + chartHeight - h;
    const label = i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
    return [
      `<rect x="${x}" y="${y}" width="${barWidth}" height="${h}" fill="${shareColor((i * 10 + 5) / 100)}"><title>${label}: ${n}</title></rect>`,
      n > 0 ? `<text x="${x + barWidth / 2}" y="${y - 3}" class="val" text-anchor="middle">${n}</text>` : '',
      `<text x="${x + barWidth / 2}" y="${chartHeight + 28}" class="lbl" text-anchor="middle">${label}</text>`,
    ].join('');
  });
  const note = unscored > 0 ? `; ${unscored} without a score` : '';
  return `<svg class="chart" role="img" aria-label="Distribution of total scores in bands of ten${note}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="${chartHeight + 10}" x2="${width}" y2="${chartHeight + 10}" stroke="#b0bec5"/>${bars.join('')}</svg>`;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Months as counted from year 0, so consecutive months are consecutive numbers; null when not `YYYY-MM`. */
function monthNumber(month: string): number | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const n = Number(m[2]);
  return n >= 1 && n <= 12 ? Number(m[1]) * 12 + n - 1 : null;
}

export interface TimelineBucket {
  label: string;
  count: number;
}

/**
 * Counts per month laid out from the first month to the last with empty months filled in, so gaps
 * in posting show as gaps. Over five years, counts go per year instead. Entries that are not
 * `YYYY-MM` are left out.
 */
export function timelineBuckets(perMonth: readonly { month: string; count: number }[]): TimelineBucket[] {
  const counts = new Map<number, number>();
  for (const { month, count } of perMonth) {
    const n = monthNumber(month);
    if (n !== null) counts.set(n, (counts.get(n) ?? 0) + count);
  }
  if (counts.size === 0) return [];
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const yearly = last - first >= 60;
  const buckets: TimelineBucket[] = [];
  const step = yearly ? 12 : 1;
  const start = yearly ? first - (first % 12) : first;
  for (let n = start; n <= last; n += step) {
    let count = 0;
    for (let k = n; k < n + step; k += 1) count += counts.get(k) ?? 0;
    const year = Math.floor(n / 12);
    const label = yearly ? `${year}` : `${year}-${String((n % 12) + 1).padStart(2, '0')}`;
    buckets.push({ label, count });
  }
  return buckets;
}

/** Posts over time as bars, one per month (or per year over long spans), years labelled below. */
export function timelineChart(perMonth: readonly { month: string; count: number }[], noun: string): string {
  const buckets = timelineBuckets(perMonth);
  if (buckets.length === 0) return '';
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const barWidth = Math.max(6, Math.min(28, Math.floor(720 / buckets.length)));
  const chartHeight = 100;
  const width = buckets.length * barWidth + 10;
  const height = chartHeight + 34;
  const bars = buckets.map((b, i) => {
    const x = 5 + i * barWidth;
    const h = Math.round((b.count / max) * chartHeight);
    const y = 10 + chartHeight - h;
    const yearStart = i === 0 || b.label.length === 4 || b.label.endsWith('-01');
    const tip = `<title>${escapeHtml(b.label)}: ${b.count} ${escapeHtml(noun)}</title>`;
    return [
      b.count > 0
        ? `<rect x="${x + 1}" y="${y}" width="${barWidth - 2}" height="${h}" fill="#1565c0">${tip}</rect>`
        : '',
      yearStart
        ? `<text x="${x}" y="${chartHeight + 28}" class="lbl">${escapeHtml(b.label.slice(0, 4))}</text>`
        : '',
    ].join('');
  });
  const from = buckets[0]?.label ?? '';
  const to = buckets[buckets.length - 1]?.label ?? '';
  return `<svg class="chart" role="img" aria-label="${escapeHtml(`${noun} over time, ${from} to ${to}, at most ${max} in one ${buckets[0]?.label.length === 4 ? 'year' : 'month'}`)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="${chartHeight + 10}" x2="${width}" y2="${chartHeight + 10}" stroke="#b0bec5"/>${bars.join('')}</svg>`;
}

/** One bar split in two shares, e.g. posts about the author's own work against generic ones. */
export function splitBar(
  left: { label: string; count: number },
  right: { label: string; count: number },
): string {
  const total = left.count + right.count;
  if (total === 0) return '';
  const width = 420;
  const leftWidth = Math.round((left.count / total) * width);
  const text = (label: string, count: number) => `${escapeHtml(label)}: ${count}`;
  return `<svg class="chart" role="img" aria-label="${text(left.label, left.count)}; ${text(right.label, right.count)}" width="${width}" height="44" viewBox="0 0 ${width} 44" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="${leftWidth}" height="18" fill="#2e7d32"/><rect x="${leftWidth}" y="0" width="${width - leftWidth}" height="18" fill="#b0bec5"/><text x="0" y="36" class="lbl">${text(left.label, left.count)}</text><text x="${width}" y="36" class="lbl" text-anchor="end">${text(right.label, right.count)}</text></svg>`;
}
