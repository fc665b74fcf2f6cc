import type { RepoReport, Report } from '../engine/report.js';
import type { NeighboursReport } from '../herd/similarity/types.js';
import type { Portfolio } from '../portfolio/types.js';
import { escapeHtml as esc } from './html-escape.js';
import { evidenceList, findingItem, htmlPage, PAGE_ROWS, scorePill } from './html-page.js';
import { carriedColumns, inputPoints } from './input-text.js';
import {
  emptyLine,
  indexLine,
  partsText,
  passageLines,
  percent,
  sharedLists,
  sharedListText,
} from './neighbours-text.js';
import { gapLines, portfolioPoints } from './portfolio-text.js';
import {
  failuresByPrinciple,
  ignoredFindings,
  passTitles,
  principleNote,
  principlesWithResults,
  principleTitle,
  rankRepos,
  routeTag,
  routeText,
  sinceLastRun,
  unlistedExclusions,
} from './shared.js';
import { distributionChart, principleChart } from './svg.js';

/**
 * The audit as one self-contained HTML page (see html-page.ts for the shell and its CSP).
 * Everything from a repository is escaped.
 */

function inputLine(repo: RepoReport): string {
  const points = inputPoints(repo.input);
  if (points.length === 0) return '';
  const spans = points.map((p) => `<span><span class="muted">${esc(p.label)}:</span> ${esc(p.text)}</span>`);
  return `<p class="carried">${spans.join('')}</p>`;
}

function neighboursSection(n: NeighboursReport): string {
  const out = ['<h3>Nearest in the index</h3>', `<p class="muted">${esc(indexLine(n))}</p>`];
  const empty = emptyLine(n);
  if (empty !== null) {
    out.push(`<p${n.error !== null ? ' class="error"' : ''}>${esc(empty)}</p>`);
    return out.join('\n');
  }
  out.push(
    '<table><thead><tr><th>repository</th><th>similarity</th><th>what is shared</th></tr></thead><tbody>',
  );
  for (const nb of n.nearest) {
    const shared: string[] = [];
    const passages = passageLines(nb);
    if (passages.lines.length > 0) {
      const items = passages.lines.map((l) => `<li><code>${esc(l.a)}</code> ↔ <code>${esc(l.b)}</code></li>`);
      if (passages.more > 0) items.push(`<li class="muted">… and ${passages.more} more</li>`);
      shared.push(`<div>code (this ↔ neighbour):<ul class="evidence">${items.join('')}</ul></div>`);
    }
    for (const list of sharedLists(nb)) shared.push(`<div>${esc(sharedListText(list))}</div>`);
    out.push(
      `<tr><td><strong>${esc(nb.name)}</strong><br><code>${esc(nb.path)}</code></td><td><strong>${percent(nb.similarity)}</strong><br><span class="muted">${esc(partsText(nb.parts))}</span></td><td>${shared.join('') || '<span class="muted">–</span>'}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

/**
 * One repository's report as a section. The dashboard shows the same section and passes its own
 * score pill, since its Content-Security-Policy allows no inline style attribute.
 */
export function renderRepo(
  repo: RepoReport,
  index: number,
  pill: (score: number | null) => string = scorePill,
): string {
  const out = [
    `<section class="repo" id="repo-${index + 1}">`,
    `<h2>${esc(repo.name)} ${pill(repo.score)}</h2>`,
    `<p class="muted"><code>${esc(repo.root ?? repo.path)}</code></p>`,
  ];
  const carried = inputLine(repo);
  if (carried !== '') out.push(carried);
  if (repo.error !== null) {
    out.push(`<p class="error"><strong>Could not audit:</strong> ${esc(repo.error)}</p></section>`);
    return out.join('\n');
  }
  if (repo.summary !== '') out.push(`<p>${esc(repo.summary)}</p>`);
  const route = routeText(repo);
  if (route !== null) {
    const colon = route.indexOf(':');
    out.push(`<p><strong>${esc(route.slice(0, colon))}:</strong>${esc(route.slice(colon + 1))}</p>`);
  }
  if (repo.principles.length > 0) {
    out.push('<h3>Principles</h3>', principleChart(repo.principles));
    const notes = repo.principles.filter((p) => principleNote(p) !== '');
    if (notes.length > 0) {
      out.push(
        `<ul class="muted">${notes.map((p) => `<li>${esc(p.title)}: ${esc(principleNote(p))}</li>`).join('')}</ul>`,
      );
    }
  }
  const unlisted = unlistedExclusions(repo);
  if (unlisted.length > 0) {
    const names = unlisted.map((e) => `${esc(principleTitle(e.principle))} (${esc(e.reason)})`);
    out.push(`<p class="muted">Not scored: ${names.join('; ')}.</p>`);
  }
  if (repo.nextSteps.length > 0) {
    out.push('<h3>Next steps</h3><ol>');
    for (const s of repo.nextSteps) {
      const gain = s.gain > 0 ? `+${s.gain} points, ` : '';
      out.push(
        `<li>${esc(s.advice)} <span class="muted">(${gain}${esc(s.check)}, ${esc(principleTitle(s.principle))}${esc(routeTag(s.route))})</span></li>`,
      );
    }
    out.push('</ol>');
  }
  const principles = principlesWithResults(repo);
  const failures = failuresByPrinciple(repo);
  if (principles.length > 0) out.push('<h3>Findings</h3>');
  for (const principle of principles) {
    out.push(`<h4>${esc(principleTitle(principle))}</h4><ul class="findings">`);
    for (const f of failures.find((g) => g.principle === principle)?.findings ?? []) out.push(findingItem(f));
    for (const r of repo.checks.filter((x) => x.principle === principle && x.outcome === 'error')) {
      out.push(
        `<li><span class="sev">error</span> <strong>${esc(r.check)}</strong> could not run: ${esc(r.reason ?? 'unknown error')}</li>`,
      );
    }
    const passes = passTitles(repo, principle);
    if (passes.length > 0) out.push(`<li class="pass">✔ Stands out: ${passes.map(esc).join('; ')}</li>`);
    out.push('</ul>');
  }
  const since = sinceLastRun(repo);
  if (since !== null) out.push(`<p class="since">${esc(since)}</p>`);
  if (repo.neighbours) out.push(neighboursSection(repo.neighbours));
  const ignored = ignoredFindings(repo);
  if (ignored.length > 0) {
    out.push('<h3>Ignored by the config (not scored)</h3><ul class="findings">');
    for (const f of ignored) {
      out.push(
        `<li class="ignored ${f.severity}"><strong>${esc(f.check)}</strong> ${esc(f.message)}${evidenceList(f)}<div><em>Reason:</em> ${esc(f.ignored.reason)}</div></li>`,
      );
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

function overview(report: Report): string {
  const carried = carriedColumns(report.repos.map((r) => r.input));
  const rows = rankRepos(report).map(({ rank, repo }) => {
    const index = report.repos.indexOf(repo);
    const next = repo.error !== null ? `error: ${repo.error}` : (repo.nextSteps[0]?.advice ?? '');
    const flags = repo.error === null ? repo.redFlags.length : -1;
    return [
      '<tr>',
      `<td class="num" data-value="${rank}">${rank}</td>`,
      ...carried.map((key) => {
        const value = repo.input?.columns?.[key] ?? '';
        return `<td data-value="${esc(value.toLowerCase())}">${esc(value)}</td>`;
      }),
      `<td data-value="${esc(repo.name.toLowerCase())}"><a href="#repo-${index + 1}">${esc(repo.name)}</a></td>`,
      `<td class="num" data-value="${repo.score ?? -1}">${repo.score ?? '–'}</td>`,
      `<td class="num" data-value="${flags}">${flags < 0 ? '–' : flags}</td>`,
      `<td data-value="${esc(next.toLowerCase())}">${esc(next)}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<section id="overview"><h2>Overview</h2>',
    '<h3>Score distribution</h3>',
    distributionChart(report.repos.filter((r) => r.error === null).map((r) => r.score)),
    '<h3>Repositories</h3>',
    '<p class="muted">Ranked by score; click a column heading to sort.</p>',
    `<table class="sortable${rows.length > PAGE_ROWS ? ' paged' : ''}"><thead><tr><th class="num" data-sort="number">#</th>${carried.map((key) => `<th data-sort="text">${esc(key)}</th>`).join('')}<th data-sort="text">repository</th><th class="num" data-sort="number">score</th><th class="num" data-sort="number">red flags</th><th data-sort="text">top next step</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

function portfolioSection(p: Portfolio): string {
  const out = ['<section id="portfolio"><h2>Portfolio</h2><dl>'];
  for (const point of portfolioPoints(p))
    out.push(`<dt><strong>${esc(point.label)}</strong></dt><dd>${esc(point.text)}</dd>`);
  out.push('</dl>');
  const gaps = gapLines(p);
  if (gaps.length > 0)
    out.push(
      `<h3>Still missing, most valuable first</h3><ol>${gaps.map((g) => `<li>${esc(g)}</li>`).join('')}</ol>`,
    );
  out.push('</section>');
  return out.join('\n');
}

/** The report as one self-contained HTML page. */
export function renderHtml(report: Report): string {
  const many = report.repos.length > 1;
  const audited = report.repos.filter((r) => r.error === null).length;
  const subtitle =
    report.repos.length === 1 ? '1 repository' : `${report.repos.length} repositories, ${audited} audited`;
  const body = [`<h1>unherd audit</h1>`, `<p class="muted">${subtitle}</p>`];
  if (report.repos.length === 0) body.push('<p>No repositories were audited.</p>');
  if (many) body.push(overview(report));
  if (report.portfolio) body.push(portfolioSection(report.portfolio));
  for (const [i, repo] of report.repos.entries()) body.push(renderRepo(repo, i));
  const at = report.generatedAt ? `, ${esc(report.generatedAt)}` : '';
  body.push(
    `<footer>unherd ${esc(report.tool.version)}, report schema ${esc(report.schemaVersion)}${at}</footer>`,
  );
  const only = report.repos.length === 1 && report.repos[0] ? ` – ${esc(report.repos[0].name)}` : '';
  // A large cohort's overview is paged, and the browser lays out only the repositories in view.
  return htmlPage({
    title: `unherd audit${only}`,
    body,
    sortable: many,
    paged: report.repos.length > PAGE_ROWS,
  });
}
