import { escapeHtml as esc } from '../../reporters/html-escape.js';
import { principleTitle } from '../../reporters/shared.js';
import { shareColor } from '../../reporters/svg.js';
import type { CohortStats, PrincipleCell, RunSummary } from '../data.js';

/**
 * The dashboard's charts, drawn on the server as SVG in the report's style (src/reporters/svg.ts):
 * no script, nothing fetched, CSP-clean. Each has `role="img"` and an `aria-label` that says what a
 * sighted reader would take from it; the cohort charts also come with their numbers as a table.
 */

/** One small bar per sub-score, 0–10, for a table cell. */
export function miniBars(cells: readonly PrincipleCell[]): string {
  const scored = cells.filter((c) => c.score !== null);
  if (cells.length === 0) return '<span class="muted">–</span>';
  const bar = 7;
  const gap = 2;
  const height = 22;
  const width = cells.length * (bar + gap);
  const rects = cells.map((c, i) => {
    const x = i * (bar + gap);
    const h = c.score === null ? 0 : Math.max(1, Math.round((c.score / 10) * height));
    const tip = `<title>${esc(principleTitle(c.principle))}: ${c.score === null ? 'not scored' : c.score.toFixed(1)}</title>`;
    return `<g>${tip}<rect x="${x}" y="0" width="${bar}" height="${height}" fill="#eceff1"/>${
      h > 0
        ? `<rect x="${x}" y="${height - h}" width="${bar}" height="${h}" fill="${shareColor((c.score ?? 0) / 10)}"/>`
        : ''
    }</g>`;
  });
  const label = scored.map((c) => `${principleTitle(c.principle)} ${c.score?.toFixed(1)}`).join(', ');
  return `<svg class="chart mini" role="img" aria-label="${esc(`Sub-scores out of 10: ${label || 'none scored'}`)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rects.join('')}</svg>`;
}

/** Horizontal bars: for each principle, the share of the cohort scoring below 5 on it. */
export function missedChart(missed: CohortStats['missed']): string {
  const rows = missed.filter((m) => m.scored > 0).slice(0, 8);
  if (rows.length === 0) return '<p class="muted">No sub-scores yet.</p>';
  const rowHeight = 24;
  const labelWidth = 170;
  const barWidth = 220;
  const height = rows.length * rowHeight + 6;
  const parts = rows.map((m, i) => {
    const y = 3 + i * rowHeight;
    const share = m.below / m.scored;
    const w = Math.round(share * barWidth);
    return [
      `<text x="0" y="${y + 15}" class="lbl">${esc(principleTitle(m.principle))}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="15" rx="3" fill="#eceff1"/>`,
      w > 0 ? `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="15" rx="3" fill="#c62828"/>` : '',
      `<text x="${labelWidth + barWidth + 6}" y="${y + 15}" class="val">${Math.round(share * 100)}%</text>`,
    ].join('');
  });
  const top = rows[0];
  const label = top
    ? `Principles the cohort misses most (share scoring below 5 of 10); most missed: ${principleTitle(top.principle)}, ${Math.round((top.below / top.scored) * 100)}%`
    : '';
  const width = labelWidth + barWidth + 50;
  return `<svg class="chart" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Runs recorded per week, with the part that saw a new commit darker. */
export function weeksChart(weeks: CohortStats['weeks']): string {
  if (weeks.length === 0) return '<p class="muted">No runs recorded yet.</p>';
  const shown = weeks.slice(-26);
  const max = Math.max(1, ...shown.map((w) => w.runs));
  const bar = Math.max(8, Math.min(28, Math.floor(420 / shown.length)));
  const chartHeight = 110;
  const width = Math.max(110, shown.length * bar + 10);
  const height = chartHeight + 34;
  const parts = shown.map((w, i) => {
    const x = 5 + i * bar;
    const h = Math.round((w.runs / max) * chartHeight);
    const hNew = Math.round((w.newCommits / max) * chartHeight);
    const tip = `<title>week of ${esc(w.week)}: ${w.runs} runs, ${w.newCommits} with a new commit</title>`;
    // The first and last weeks are labelled; the last only when there is room after the first.
    const label =
      i === 0
        ? `<text x="${x}" y="${chartHeight + 28}" class="lbl">${esc(w.week)}</text>`
        : i === shown.length - 1 && shown.length * bar > 190
          ? `<text x="${x + bar}" y="${chartHeight + 28}" class="lbl" text-anchor="end">${esc(w.week)}</text>`
          : '';
    return `<g>${tip}<rect x="${x + 1}" y="${10 + chartHeight - h}" width="${bar - 2}" height="${h}" fill="#90caf9"/><rect x="${x + 1}" y="${10 + chartHeight - hNew}" width="${bar - 2}" height="${hNew}" fill="#1565c0"/></g>${label}`;
  });
  const first = shown[0]?.week ?? '';
  const last = shown[shown.length - 1]?.week ?? '';
  const runs = shown.reduce((n, w) => n + w.runs, 0);
  const fresh = shown.reduce((n, w) => n + w.newCommits, 0);
  const label = `Runs recorded per week from ${first} to ${last}: ${runs} runs, ${fresh} of them on a new commit`;
  return `<svg class="chart" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="${chartHeight + 10}" x2="${width}" y2="${chartHeight + 10}" stroke="#b0bec5"/>${parts.join('')}</svg>`;
}

/** The total score over a repository's runs: a line with a dot per run. */
export function trendChart(runs: readonly RunSummary[]): string {
  const points = runs.filter((r) => r.score !== null);
  if (points.length === 0) return '<p class="muted">No scored runs yet.</p>';
  const width = 560;
  const height = 170;
  const left = 34;
  const top = 10;
  const plotW = width - left - 16;
  const plotH = height - top - 30;
  const x = (i: number) => left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (score: number) => top + plotH - (score / 100) * plotH;
  const grid = [0, 50, 100]
    .map(
      (v) =>
        `<line x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" stroke="#dde3ea"/><text x="${left - 6}" y="${y(v) + 4}" class="val" text-anchor="end">${v}</text>`,
    )
    .join('');
  const line = points.map((r, i) => `${x(i).toFixed(1)},${y(r.score ?? 0).toFixed(1)}`).join(' ');
  const dots = points
    .map(
      (r, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(r.score ?? 0).toFixed(1)}" r="4" fill="${shareColor((r.score ?? 0) / 100)}"><title>${esc(r.recordedAt.slice(0, 10))}: ${r.score}</title></circle>`,
    )
    .join('');
  const firstRun = points[0]!;
  const lastRun = points[points.length - 1]!;
  const axis = `<text x="${left}" y="${height - 6}" class="lbl">${esc(firstRun.recordedAt.slice(0, 10))}</text>${
    points.length > 1
      ? `<text x="${left + plotW}" y="${height - 6}" class="lbl" text-anchor="end">${esc(lastRun.recordedAt.slice(0, 10))}</text>`
      : ''
  }`;
  const delta = (lastRun.score ?? 0) - (firstRun.score ?? 0);
  const label =
    points.length === 1
      ? `Score over time: one run, ${firstRun.score} on ${firstRun.recordedAt.slice(0, 10)}`
      : `Score over time: ${points.length} runs from ${firstRun.score} on ${firstRun.recordedAt.slice(0, 10)} to ${lastRun.score} on ${lastRun.recordedAt.slice(0, 10)} (${delta >= 0 ? '+' : ''}${delta})`;
  return `<svg class="chart" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${grid}<polyline points="${line}" fill="none" stroke="#1565c0" stroke-width="2"/>${dots}${axis}</svg>`;
}
