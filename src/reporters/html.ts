import { createHash } from 'node:crypto';
import type { Finding } from '../checks/types.js';
import type { RepoReport, Report } from '../engine/report.js';
import type { Portfolio } from '../portfolio/types.js';
import { formatEvidence } from './evidence.js';
import { escapeHtml as esc } from './html-escape.js';
import { gapLines, portfolioPoints } from './portfolio-text.js';
import {
  failuresByPrinciple,
  ignoredFindings,
  MAX_EVIDENCE,
  passTitles,
  principlesWithResults,
  principleTitle,
  rankRepos,
} from './shared.js';
import { distributionChart, principleChart, shareColor } from './svg.js';

/**
 * One self-contained HTML page: inline CSS, charts as SVG drawn now, no request at view time.
 * Everything from a repository is escaped. A Content-Security-Policy allows only this page's own
 * style and its one sorting script (by hash), so even a missed escape could not run a script or
 * load anything. All content reads with JavaScript off; the script only sorts the overview.
 */

const STYLE = `
:root{color-scheme:light;--fg:#1f2933;--muted:#5f6b7a;--line:#dde3ea;--bg:#fff;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1080px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:32px 0 8px}h3{font-size:16px;margin:20px 0 6px}
.muted{color:var(--muted)}
.score{display:inline-block;min-width:64px;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600;text-align:center}
section.repo{border-top:2px solid var(--line);margin-top:28px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
th[data-sort]{cursor:pointer}
td.num,th.num{text-align:right}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px;word-break:break-all}
ul.findings{list-style:none;padding-left:0}
ul.findings>li{margin:6px 0;padding:6px 10px;border-left:4px solid var(--line);background:var(--soft)}
li.high{border-left-color:#c62828!important}li.medium{border-left-color:#b26a00!important}li.low{border-left-color:#90a4ae!important}
li.ignored{opacity:.85;border-left-style:dashed!important}
.sev{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.evidence{margin:4px 0 0 0;padding-left:18px}
.error{color:#c62828}
.chart .lbl{font:13px system-ui,sans-serif;fill:#1f2933}.chart .val{font:12px system-ui,sans-serif;fill:#5f6b7a}
.pass{color:#2e7d32}
footer{margin-top:40px;color:var(--muted);font-size:13px}
`;

/** Sorts the overview table by the clicked column; rows carry their sort values in data-value. */
const SORT_SCRIPT = `document.querySelectorAll('table.sortable th[data-sort]').forEach(function(th,col){th.tabIndex=0;function go(){var t=th.closest('table'),b=t.tBodies[0],rows=[].slice.call(b.rows),num=th.dataset.sort==='number',dir=th.dataset.dir==='asc'?'desc':'asc';th.dataset.dir=dir;rows.sort(function(x,y){var a=x.cells[col].dataset.value,c=y.cells[col].dataset.value;var r=num?(parseFloat(a)-parseFloat(c)):a.localeCompare(c);return dir==='asc'?r:-r});rows.forEach(function(r){b.appendChild(r)})}th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter')go()})});`;

const SCRIPT_HASH = createHash('sha256').update(SORT_SCRIPT).digest('base64');

const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

function scorePill(score: number | null): string {
  const text = score === null ? 'no score' : `${score}/100`;
  return `<span class="score" style="background:${shareColor(score === null ? null : score / 100)}">${text}</span>`;
}

function evidenceList(f: Finding): string {
  if (f.evidence.length === 0) return '';
  const items = f.evidence
    .slice(0, MAX_EVIDENCE)
    .map((e) => `<li><code>${esc(formatEvidence(e))}</code></li>`);
  if (f.evidence.length > MAX_EVIDENCE)
    items.push(`<li class="muted">… and ${f.evidence.length - MAX_EVIDENCE} more</li>`);
  return `<ul class="evidence">${items.join('')}</ul>`;
}

function findingItem(f: Finding): string {
  return `<li class="${f.severity}"><span class="sev">${f.severity}</span> <strong>${esc(f.check)}</strong> ${esc(f.message)}${evidenceList(f)}</li>`;
}

function renderRepo(repo: RepoReport, index: number): string {
  const out = [
    `<section class="repo" id="repo-${index + 1}">`,
    `<h2>${esc(repo.name)} ${scorePill(repo.score)}</h2>`,
    `<p class="muted"><code>${esc(repo.root ?? repo.path)}</code></p>`,
  ];
  if (repo.error !== null) {
    out.push(`<p class="error"><strong>Could not audit:</strong> ${esc(repo.error)}</p></section>`);
    return out.join('\n');
  }
  if (repo.summary !== '') out.push(`<p>${esc(repo.summary)}</p>`);
  if (repo.principles.length > 0) {
    out.push('<h3>Principles</h3>', principleChart(repo.principles));
    const notes = repo.principles.filter((p) => p.note);
    if (notes.length > 0) {
      out.push(
        `<ul class="muted">${notes.map((p) => `<li>${esc(p.title)}: ${esc(p.note ?? '')}</li>`).join('')}</ul>`,
      );
    }
  }
  if (repo.excludedPrinciples.length > 0) {
    const names = repo.excludedPrinciples.map(
      (e) => `${esc(principleTitle(e.principle))} (${esc(e.reason)})`,
    );
    out.push(`<p class="muted">Not scored: ${names.join('; ')}.</p>`);
  }
  if (repo.nextSteps.length > 0) {
    out.push('<h3>Next steps</h3><ol>');
    for (const s of repo.nextSteps) {
      const gain = s.gain > 0 ? `+${s.gain} points, ` : '';
      out.push(
        `<li>${esc(s.advice)} <span class="muted">(${gain}${esc(s.check)}, ${esc(principleTitle(s.principle))})</span></li>`,
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
  const rows = rankRepos(report).map(({ rank, repo }) => {
    const index = report.repos.indexOf(repo);
    const next = repo.error !== null ? `error: ${repo.error}` : (repo.nextSteps[0]?.advice ?? '');
    const flags = repo.error === null ? repo.redFlags.length : -1;
    return [
      '<tr>',
      `<td class="num" data-value="${rank}">${rank}</td>`,
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
    '<table class="sortable"><thead><tr><th class="num" data-sort="number">#</th><th data-sort="text">repository</th><th class="num" data-sort="number">score</th><th class="num" data-sort="number">red flags</th><th data-sort="text">top next step</th></tr></thead>',
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
  const script = many ? `\n<script>${SORT_SCRIPT}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>unherd audit${report.repos.length === 1 && report.repos[0] ? ` – ${esc(report.repos[0].name)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>${script}
</body>
</html>
`;
}
