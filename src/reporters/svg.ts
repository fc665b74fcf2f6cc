import type { PrincipleScore } from '../scoring/policy.js';
import { escapeHtml } from './html-escape.js';

/** Charts drawn at generation time as inline SVG, so the page needs no script or network to show them. */

/** Colour of a share (0–1) of the best score: the same thresholds as the terminal's colours. */
export function shareColor(share: number | null): string {
  if (share === null) return '#9aa0a6';
  return share >= 0.7 ? '#2e7d32' : share >= 0.4 ? '#b26a00' : '#c62828';
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
  const bins = scoreBins(scores);
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
  const unscored = scores.filter((s) => s === null).length;
  const note = unscored > 0 ? `; ${unscored} without a score` : '';
  return `<svg class="chart" role="img" aria-label="Distribution of total scores in bands of ten${note}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="${chartHeight + 10}" x2="${width}" y2="${chartHeight + 10}" stroke="#b0bec5"/>${bars.join('')}</svg>`;
}
