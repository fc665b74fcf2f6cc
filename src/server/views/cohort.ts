import { PRINCIPLE_IDS, type PrincipleId } from '../../principles.js';
import { escapeHtml as esc } from '../../reporters/html-escape.js';
import { principleTitle } from '../../reporters/shared.js';
import { binnedDistributionChart } from '../../reporters/svg.js';
import { PRINCIPLE_WEIGHT } from '../../scoring/policy.js';
import { ROUTE_IDS } from '../../scoring/route.js';
import {
  type CohortQuery,
  type CohortRow,
  type CohortStats,
  type CohortView,
  SCORE_BANDS,
  type SortKey,
  type TagCount,
} from '../data.js';
import { cohortHref, DEFAULT_QUERY, defaultDir, sortParam } from '../query.js';
import { miniBars, missedChart, weeksChart } from './charts.js';
import { pill, routeTitle } from './layout.js';

/** Principles a repository is scored on, in product order: the filter and sort choices. */
export const REPO_PRINCIPLES: PrincipleId[] = PRINCIPLE_IDS.filter(
  (id) => PRINCIPLE_WEIGHT[id]?.scope === 'repo',
);

const PAGE_SIZES = [25, 50, 100, 200];

/** The tag switcher: every tag as a link, the current one marked for screen readers too. */
export function tagNav(tags: readonly TagCount[], current: string | null): string {
  const link = (tag: string | null, text: string) => {
    const href = cohortHref('/cohort', { ...DEFAULT_QUERY, tag });
    const here = tag === current ? ' aria-current="page"' : '';
    return `<li><a href="${esc(href)}"${here}>${esc(text)}</a></li>`;
  };
  const items = [link(null, 'All repositories'), ...tags.map((t) => link(t.tag, `${t.tag} (${t.repos})`))];
  return `<nav aria-label="Cohorts"><ul>${items.join('')}</ul></nav>`;
}

function option(value: string, text: string, selected: boolean): string {
  return `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(text)}</option>`;
}

function filterForm(q: CohortQuery, stats: CohortStats): string {
  const principleOptions = [
    option('', 'any principle', q.below === null),
    ...REPO_PRINCIPLES.map((id) => option(id, principleTitle(id), q.below?.principle === id)),
  ];
  const belowOptions = Array.from({ length: 10 }, (_, i) => i + 1).map((n) =>
    option(String(n), `below ${n}`, (q.below?.score ?? 5) === n),
  );
  const bandOptions = [
    option('', 'any score', q.band === null),
    ...Object.entries(SCORE_BANDS).map(([id, b]) => option(id, b.title, q.band === id)),
  ];
  const routeOptions = [
    option('', 'any route', q.route === null),
    ...ROUTE_IDS.map((id) => option(id, routeTitle(id), q.route === id)),
  ];
  if (q.route !== null && !(ROUTE_IDS as readonly string[]).includes(q.route))
    routeOptions.push(option(q.route, q.route, true));
  const datasetOptions = [
    option('', 'any or none', q.dataset === null),
    option('*', 'any stock dataset', q.dataset === '*'),
    ...stats.datasets.map((d) => option(d.id, `${d.name} (${d.repos})`, q.dataset === d.id)),
  ];
  if (q.dataset !== null && q.dataset !== '*' && !stats.datasets.some((d) => d.id === q.dataset)) {
    datasetOptions.push(option(q.dataset, q.dataset, true));
  }
  const sortChoices: [string, string][] = [
    ['score', 'score'],
    ['name', 'name'],
    ['flags', 'red flags'],
    ['activity', 'last activity'],
    ['recorded', 'last run'],
    ...REPO_PRINCIPLES.map((id): [string, string] => [`principle:${id}`, `sub-score: ${principleTitle(id)}`]),
  ];
  const current = sortParam(q);
  return `<form class="filters" method="get" action="/cohort" role="search" aria-label="Filter and sort the cohort" data-autosubmit>
${q.tag === null ? '' : `<input type="hidden" name="tag" value="${esc(q.tag)}">`}
<div class="field"><label for="f-q">Name contains</label><input type="search" id="f-q" name="q" value="${esc(q.search ?? '')}"></div>
<div class="field"><label for="f-principle">Principle</label><select id="f-principle" name="principle">${principleOptions.join('')}</select></div>
<div class="field"><label for="f-below">Sub-score</label><select id="f-below" name="below">${belowOptions.join('')}</select></div>
<div class="field"><label for="f-band">Score band</label><select id="f-band" name="band">${bandOptions.join('')}</select></div>
<div class="field"><label for="f-route">Route</label><select id="f-route" name="route">${routeOptions.join('')}</select></div>
<div class="field"><label for="f-dataset">Stock dataset</label><select id="f-dataset" name="dataset">${datasetOptions.join('')}</select></div>
<div class="field check"><input type="checkbox" id="f-flags" name="flags" value="1"${q.redFlags ? ' checked' : ''}><label for="f-flags">with red flags only</label></div>
<div class="field"><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${sortChoices.map(([v, t]) => option(v, t, v === current)).join('')}</select></div>
<div class="field"><label for="f-dir">Order</label><select id="f-dir" name="dir">${option('desc', 'high to low, new to old, Z–A', q.dir === 'desc')}${option('asc', 'low to high, old to new, A–Z', q.dir === 'asc')}</select></div>
<div class="field"><label for="f-size">Per page</label><select id="f-size" name="size">${PAGE_SIZES.map((n) => option(String(n), String(n), q.pageSize === n)).join('')}</select></div>
<button type="submit">Apply</button>
<a href="${esc(cohortHref('/cohort', { ...DEFAULT_QUERY, tag: q.tag }))}">Clear filters</a>
</form>`;
}

/** A column heading that sorts by its column: the same direction flips, another column starts at its default. */
function sortHeading(q: CohortQuery, key: SortKey, text: string, numeric = false): string {
  const active = q.sort === key;
  const dir = active ? (q.dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
  const href = cohortHref('/cohort', { ...q, sort: key, sortPrinciple: null, dir, page: 1 });
  const aria = active ? ` aria-sort="${q.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
  return `<th scope="col"${numeric ? ' class="num"' : ''}${aria}><a href="${esc(href)}">${esc(text)}</a></th>`;
}

function flagsCell(flags: readonly string[]): string {
  if (flags.length === 0) return '<td class="num">0</td>';
  const shown = flags.slice(0, 2).map((f) => `<li>${esc(f)}</li>`);
  if (flags.length > 2) shown.push(`<li class="muted">and ${flags.length - 2} more</li>`);
  return `<td><strong>${flags.length}</strong><ul class="flags">${shown.join('')}</ul></td>`;
}

function row(r: CohortRow): string {
  const href = `/repo/${encodeURIComponent(r.repoId)}`;
  const name = `<a href="${esc(href)}">${esc(r.name)}</a><br><span class="muted">${esc(r.identity)}</span>`;
  if (r.error !== null) {
    return `<tr><th scope="row">${name}</th><td colspan="6" class="error">Could not audit: ${esc(r.error)}</td><td class="nowrap">${esc(r.recordedAt.slice(0, 10))}</td></tr>`;
  }
  return [
    '<tr>',
    `<th scope="row">${name}</th>`,
    `<td class="num">${pill(r.score)}</td>`,
    `<td>${miniBars(r.principles)}</td>`,
    flagsCell(r.redFlags),
    `<td>${esc(r.route === null ? '–' : routeTitle(r.route))}</td>`,
    `<td>${r.herd.length === 0 ? '<span class="muted">none</span>' : esc(r.herd.join(', '))}</td>`,
    `<td class="nowrap">${esc(r.lastActivity?.slice(0, 10) ?? '–')}</td>`,
    `<td class="nowrap">${esc(r.recordedAt.slice(0, 10))}</td>`,
    '</tr>',
  ].join('');
}

function pager(q: CohortQuery, total: number): string {
  const pages = Math.max(1, Math.ceil(total / q.pageSize));
  const link = (n: number, text: string, rel: string) =>
    n >= 1 && n <= pages && n !== q.page
      ? `<a href="${esc(cohortHref('/cohort', { ...q, page: n }))}" rel="${rel}">${text}</a>`
      : `<span class="muted" aria-disabled="true">${text}</span>`;
  return `<nav class="pager" aria-label="Pages">${link(1, '« First', 'first')}${link(q.page - 1, '‹ Previous', 'prev')}<span>Page ${Math.min(q.page, pages)} of ${pages}</span>${link(q.page + 1, 'Next ›', 'next')}${link(pages, 'Last »', 'last')}</nav>`;
}

function chartTables(stats: CohortStats): string {
  const bins = stats.scoreBins
    .map(
      (n, i) =>
        `<tr><td>${i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`}</td><td class="num">${n}</td></tr>`,
    )
    .join('');
  const missed = stats.missed
    .filter((m) => m.scored > 0)
    .map(
      (m) =>
        `<tr><td>${esc(principleTitle(m.principle))}</td><td class="num">${m.below}</td><td class="num">${m.scored}</td></tr>`,
    )
    .join('');
  const weeks = stats.weeks
    .map(
      (w) =>
        `<tr><td>${esc(w.week)}</td><td class="num">${w.runs}</td><td class="num">${w.newCommits}</td></tr>`,
    )
    .join('');
  return `<details class="alt"><summary>The charts' numbers as tables</summary>
<table><caption>Score distribution</caption><thead><tr><th scope="col">score</th><th scope="col" class="num">repositories</th></tr></thead><tbody>${bins}<tr><td>no score</td><td class="num">${stats.unscored}</td></tr></tbody></table>
<table><caption>Principles missed</caption><thead><tr><th scope="col">principle</th><th scope="col" class="num">below 5 of 10</th><th scope="col" class="num">scored</th></tr></thead><tbody>${missed}</tbody></table>
<table><caption>Activity per week</caption><thead><tr><th scope="col">week of</th><th scope="col" class="num">runs</th><th scope="col" class="num">with a new commit</th></tr></thead><tbody>${weeks}</tbody></table>
</details>`;
}

export function cohortBody(q: CohortQuery, view: CohortView): string[] {
  const { rows, stats } = view;
  const total = stats.total;
  const heading = q.tag === null ? 'Cohort: all repositories' : `Cohort: ${q.tag}`;
  const first = total === 0 ? 0 : (q.page - 1) * q.pageSize + 1;
  const last = Math.min(total, q.page * q.pageSize);
  const csv = cohortHref('/cohort.csv', { ...q, page: 1 });
  const json = cohortHref('/cohort.json', q);
  return [
    `<h1>${esc(heading)}</h1>`,
    `<p class="muted">Each repository's latest run. ${total} ${total === 1 ? 'matches' : 'match'} the filters.</p>`,
    '<section aria-labelledby="glance"><h2 id="glance">At a glance</h2><div class="charts">',
    `<figure><figcaption>Score distribution</figcaption>${binnedDistributionChart(stats.scoreBins, stats.unscored)}</figure>`,
    `<figure><figcaption>Principles the cohort misses most</figcaption>${missedChart(stats.missed)}</figure>`,
    `<figure><figcaption>Activity over the weeks</figcaption>${weeksChart(stats.weeks)}<p class="muted legend"><span class="key runs"></span> runs recorded <span class="key fresh"></span> on a new commit</p></figure>`,
    '</div>',
    chartTables(stats),
    '</section>',
    '<section aria-labelledby="repos"><h2 id="repos">Repositories</h2>',
    filterForm(q, stats),
    `<div class="actions"><a href="${esc(csv)}" download>Export this view as CSV</a><a href="${esc(json)}">This page as JSON</a></div>`,
    rows.length === 0
      ? '<p>No repository matches these filters.</p>'
      : [
          `<table class="cohort"><caption class="sr-only">Repositories ${first} to ${last} of ${total}</caption><thead><tr>`,
          sortHeading(q, 'name', 'Repository'),
          sortHeading(q, 'score', 'Score', true),
          '<th scope="col">Sub-scores</th>',
          sortHeading(q, 'flags', 'Red flags'),
          '<th scope="col">Route</th>',
          '<th scope="col">Herd matches</th>',
          sortHeading(q, 'activity', 'Last activity'),
          sortHeading(q, 'recorded', 'Last run'),
          '</tr></thead><tbody>',
          rows.map(row).join('\n'),
          '</tbody></table>',
        ].join(''),
    `<p class="muted">Showing ${first}–${last} of ${total}.</p>`,
    pager(q, total),
    '</section>',
  ];
}
