import type { RepoReport } from '../../engine/report.js';
import { renderRepo } from '../../reporters/html.js';
import { escapeHtml as esc } from '../../reporters/html-escape.js';
import { principleTitle } from '../../reporters/shared.js';
import type { RunChanges } from '../compare.js';
import type { RepoHistory, RunSummary } from '../data.js';
import { trendChart } from './charts.js';
import { pill } from './layout.js';

/** The repository page: history, a form to compare two runs, and one run's report as the HTML format shows it. */

function runLabel(r: RunSummary): string {
  const commit = r.commit === null ? 'no commit' : r.commit.slice(0, 10);
  return `${r.recordedAt.slice(0, 16).replace('T', ' ')} · ${commit} · ${r.score ?? 'no score'}`;
}

function runOptions(runs: readonly RunSummary[], selected: string | undefined): string {
  return [...runs]
    .reverse()
    .map(
      (r) =>
        `<option value="${esc(r.runId)}"${r.runId === selected ? ' selected' : ''}>${esc(runLabel(r))}</option>`,
    )
    .join('');
}

export function compareForm(h: RepoHistory, from: string | undefined, to: string | undefined): string {
  if (h.runs.length < 2) return '<p class="muted">Only one run so far: nothing to compare yet.</p>';
  const base = `/repo/${encodeURIComponent(h.repoId)}/compare`;
  return `<form class="filters" method="get" action="${esc(base)}" aria-label="Compare two runs">
<div class="field"><label for="f-from">From run</label><select id="f-from" name="from">${runOptions(h.runs, from)}</select></div>
<div class="field"><label for="f-to">To run</label><select id="f-to" name="to">${runOptions(h.runs, to)}</select></div>
<button type="submit">Compare</button>
</form>`;
}

function historyTable(h: RepoHistory, current: string): string {
  const base = `/repo/${encodeURIComponent(h.repoId)}`;
  const rows = [...h.runs].reverse().map((r, i, all) => {
    const prev = all[i + 1];
    const delta = prev && prev.score !== null && r.score !== null ? r.score - prev.score : null;
    const deltaText =
      delta === null || delta === 0
        ? '<span class="muted">–</span>'
        : `<span class="${delta > 0 ? 'delta-up' : 'delta-down'}">${delta > 0 ? '+' : '−'}${Math.abs(delta)}</span>`;
    const link =
      r.runId === current
        ? '<strong>shown below</strong>'
        : `<a href="${esc(`${base}?run=${encodeURIComponent(r.runId)}`)}">show report</a>`;
    const compare = prev
      ? ` · <a href="${esc(`${base}/compare?from=${encodeURIComponent(prev.runId)}&to=${encodeURIComponent(r.runId)}`)}">changes</a>`
      : '';
    return `<tr><td class="nowrap">${esc(r.recordedAt.slice(0, 16).replace('T', ' '))}</td><td><code>${esc(r.commit?.slice(0, 10) ?? '–')}</code></td><td class="num">${r.score ?? '–'}</td><td class="num">${deltaText}</td><td>${esc(r.toolVersion)}</td><td>${link}${compare}</td></tr>`;
  });
  return `<table><caption class="sr-only">Runs, newest first</caption><thead><tr><th scope="col">recorded</th><th scope="col">commit</th><th scope="col" class="num">score</th><th scope="col" class="num">change</th><th scope="col">unherd</th><th scope="col">links</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function repoBody(h: RepoHistory, runId: string, report: RepoReport): string[] {
  const tags = h.tags.length === 0 ? '' : ` · tags: ${h.tags.map(esc).join(', ')}`;
  const latest = h.runs[h.runs.length - 1];
  const previous = h.runs[h.runs.length - 2];
  return [
    `<h1>${esc(h.name)}</h1>`,
    `<p class="muted"><code>${esc(h.identity)}</code>${tags}</p>`,
    '<section aria-labelledby="history"><h2 id="history">History</h2>',
    trendChart(h.runs),
    historyTable(h, runId),
    '<h3>Compare two runs</h3>',
    compareForm(h, previous?.runId, latest?.runId),
    '</section>',
    `<section aria-labelledby="report-h"><h2 id="report-h">Report of the run on ${esc(
      h.runs.find((r) => r.runId === runId)?.recordedAt.slice(0, 10) ?? '',
    )}</h2>`,
    renderRepo(report, 0, pill),
    '</section>',
  ];
}

function outcomeText(outcome: string): string {
  return outcome === 'absent' ? 'not run' : outcome;
}

export function compareBody(h: RepoHistory, from: RunSummary, to: RunSummary, changes: RunChanges): string[] {
  const back = `/repo/${encodeURIComponent(h.repoId)}`;
  const d = changes.score.delta;
  const scoreLine =
    d === null
      ? `Score: ${changes.score.from ?? 'none'} → ${changes.score.to ?? 'none'}.`
      : `Score: ${changes.score.from} → ${changes.score.to} (<span class="${d >= 0 ? 'delta-up' : 'delta-down'}">${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)}</span>).`;
  const principles =
    changes.principles.length === 0
      ? '<p class="muted">No sub-score moved.</p>'
      : `<table><caption class="sr-only">Sub-scores that moved</caption><thead><tr><th scope="col">principle</th><th scope="col" class="num">from</th><th scope="col" class="num">to</th></tr></thead><tbody>${changes.principles
          .map(
            (p) =>
              `<tr><td>${esc(principleTitle(p.principle))}</td><td class="num">${p.from?.toFixed(1) ?? '–'}</td><td class="num">${p.to?.toFixed(1) ?? '–'}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const flipped =
    changes.flipped.length === 0
      ? '<p class="muted">No check changed its outcome.</p>'
      : `<table><caption class="sr-only">Checks whose outcome changed</caption><thead><tr><th scope="col">check</th><th scope="col">principle</th><th scope="col">was</th><th scope="col">now</th></tr></thead><tbody>${changes.flipped
          .map(
            (f) =>
              `<tr><td><strong>${esc(f.check)}</strong> ${esc(f.title)}</td><td>${esc(principleTitle(f.principle))}</td><td>${esc(outcomeText(f.from))}</td><td>${esc(outcomeText(f.to))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const flags = [
    ...changes.redFlags.added.map((f) => `<li>new: ${esc(f)}</li>`),
    ...changes.redFlags.removed.map((f) => `<li>gone: ${esc(f)}</li>`),
  ];
  return [
    `<h1>${esc(h.name)}: what changed</h1>`,
    `<p><a href="${esc(back)}">Back to the repository</a></p>`,
    `<p>From the run of ${esc(runLabel(from))} to the run of ${esc(runLabel(to))}.</p>`,
    compareForm(h, from.runId, to.runId),
    `<h2>Score</h2><p>${scoreLine} ${pill(changes.score.to)}</p>`,
    '<h2>Sub-scores</h2>',
    principles,
    '<h2>Checks</h2>',
    flipped,
    '<h2>Red flags</h2>',
    flags.length === 0 ? '<p class="muted">No red flag came or went.</p>' : `<ul>${flags.join('')}</ul>`,
  ];
}
