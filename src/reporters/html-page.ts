import { createHash } from 'node:crypto';
import type { Finding } from '../checks/types.js';
import { formatEvidence } from './evidence.js';
import { escapeHtml as esc } from './html-escape.js';
import { MAX_EVIDENCE } from './shared.js';
import { shareColor } from './svg.js';

/**
 * The page shell every HTML report shares (audit and blog review): inline CSS, charts drawn as SVG
 * beforehand, no request at view time. A Content-Security-Policy allows only this page's own style
 * and its one sorting script (by hash), so even a missed escape could not run a script or load
 * anything. All content reads with JavaScript off; the script only sorts tables.
 */

/** The report's style sheet; the dashboard serves it too, under its CSP nonce. */
export const STYLE = `
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
td.nowrap{white-space:nowrap}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
ul.findings{list-style:none;padding-left:0}
ul.findings>li{margin:6px 0;padding:6px 10px;border-left:4px solid var(--line);background:var(--soft)}
li.high{border-left-color:#c62828!important}li.medium{border-left-color:#975a00!important}li.low{border-left-color:#90a4ae!important}
li.ignored{opacity:.85;border-left-style:dashed!important}
.sev{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.evidence{margin:4px 0 0 0;padding-left:18px}
.error{color:#c62828}
.chart .lbl{font:13px system-ui,sans-serif;fill:#1f2933}.chart .val{font:12px system-ui,sans-serif;fill:#5f6b7a}
.pass{color:#2e7d32}
.carried{margin:2px 0}.carried span{margin-right:14px}
footer{margin-top:40px;color:var(--muted);font-size:13px}
.pager{margin:8px 0}.pager button{font:inherit;padding:2px 10px}
section.repo{content-visibility:auto;contain-intrinsic-size:auto 900px}
`;

/** Sorts a table by the clicked column; rows carry their sort values in data-value. */
const SORT_SCRIPT = `document.querySelectorAll('table.sortable th[data-sort]').forEach(function(th){th.tabIndex=0;function go(){var t=th.closest('table'),b=t.tBodies[0],col=th.cellIndex,rows=[].slice.call(b.rows),num=th.dataset.sort==='number',dir=th.dataset.dir==='asc'?'desc':'asc';th.dataset.dir=dir;rows.sort(function(x,y){var a=x.cells[col].dataset.value,c=y.cells[col].dataset.value;var r=num?(parseFloat(a)-parseFloat(c)):a.localeCompare(c);return dir==='asc'?r:-r});rows.forEach(function(r){b.appendChild(r)})}th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter')go()})});`;

/**
 * Shows a long table (class `paged`) a page of PAGE_ROWS rows at a time, with Previous / Next; a
 * sort goes back to the first page. Without JavaScript every row shows, as before.
 */
export const PAGE_ROWS = 100;
const PAGE_SCRIPT = `document.querySelectorAll('table.paged').forEach(function(t){var size=${PAGE_ROWS},page=0,b=t.tBodies[0],nav=document.createElement('nav'),prev=document.createElement('button'),next=document.createElement('button'),info=document.createElement('span');nav.className='pager';nav.setAttribute('aria-label','table pages');prev.type='button';next.type='button';prev.textContent='Previous';next.textContent='Next';info.setAttribute('aria-live','polite');nav.append(prev,' ',info,' ',next);t.after(nav);function show(){var rows=b.rows,n=rows.length,pages=Math.max(1,Math.ceil(n/size));if(page>=pages)page=pages-1;if(page<0)page=0;for(var i=0;i<n;i++)rows[i].hidden=Math.floor(i/size)!==page;info.textContent='rows '+(page*size+1)+'–'+Math.min(n,(page+1)*size)+' of '+n;prev.disabled=page===0;next.disabled=page>=pages-1}prev.addEventListener('click',function(){page--;show()});next.addEventListener('click',function(){page++;show()});function resort(e){if(e.target.closest&&e.target.closest('th[data-sort]')&&(e.type==='click'||e.key==='Enter')){page=0;setTimeout(show)}}t.tHead.addEventListener('click',resort);t.tHead.addEventListener('keydown',resort);show()});`;

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${hash(SORT_SCRIPT)} ${hash(PAGE_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

export interface HtmlPage {
  /** Already escaped. */
  title: string;
  /** Already escaped HTML. */
  body: string[];
  /** Include the table-sorting script (only when there is a sortable table). */
  sortable: boolean;
  /** Include the paging script (only when a table is long enough to be paged). */
  paged?: boolean;
}

export function htmlPage(page: HtmlPage): string {
  const script =
    (page.sortable ? `\n<script>${SORT_SCRIPT}</script>` : '') +
    (page.paged ? `\n<script>${PAGE_SCRIPT}</script>` : '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${page.body.join('\n')}
</main>${script}
</body>
</html>
`;
}

export function scorePill(score: number | null): string {
  const text = score === null ? 'no score' : `${score}/100`;
  return `<span class="score" style="background:${shareColor(score === null ? null : score / 100)}">${text}</span>`;
}

export function evidenceList(f: Finding): string {
  if (f.evidence.length === 0) return '';
  const items = f.evidence
    .slice(0, MAX_EVIDENCE)
    .map((e) => `<li><code>${esc(formatEvidence(e))}</code></li>`);
  if (f.evidence.length > MAX_EVIDENCE)
    items.push(`<li class="muted">… and ${f.evidence.length - MAX_EVIDENCE} more</li>`);
  return `<ul class="evidence">${items.join('')}</ul>`;
}

export function findingItem(f: Finding): string {
  return `<li class="${f.severity}"><span class="sev">${f.severity}</span> <strong>${esc(f.check)}</strong> ${esc(f.message)}${evidenceList(f)}</li>`;
}
