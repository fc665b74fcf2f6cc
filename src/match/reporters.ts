import pc from 'picocolors';
import { csvCell } from '../reporters/csv.js';
import { escapeHtml } from '../reporters/html-escape.js';
import type { AdReport, Evidence, MatchReport, RequirementItem } from './types.js';

export const MATCH_FORMATS = ['terminal', 'json', 'markdown', 'html', 'csv'] as const;
export type MatchFormat = (typeof MATCH_FORMATS)[number];

export interface MatchRenderOptions {
  color?: boolean;
}

/** `repo:file:line`, `repo:notebook.ipynb cell 3 line 2`, `repo@commit`. */
export function whereOf(e: Evidence): string {
  let at = e.repo;
  if (e.file) at += `:${e.file}`;
  if (e.cell !== undefined) at += ` cell ${e.cell}`;
  if (e.line !== undefined) at += e.cell !== undefined ? ` line ${e.line}` : `:${e.line}`;
  if (e.commit) at += ` (${e.commit})`;
  return at;
}

function pct(c: number | null): string {
  return c === null ? '—' : `${Math.round(c * 100)}%`;
}

function heading(ad: AdReport): string {
  const title = ad.title ?? ad.path;
  return ad.company ? `${title} — ${ad.company}` : title;
}

const MARK = { covered: '✓', partial: '◐', missing: '✗' } as const;

function itemLine(i: RequirementItem): string {
  const status = i.status === null ? '·' : MARK[i.status];
  const what = i.skills.length > 0 ? i.skills.join(', ') : i.category;
  const nice = i.kind === 'nice' ? ' (nice to have)' : '';
  return `${status} ${what}${nice}: ${i.text}`;
}

export function renderMatchTerminal(report: MatchReport, options: MatchRenderOptions = {}): string {
  const c = options.color ? pc : pc.createColors(false);
  const out: string[] = [];
  const verdictColor = { apply: c.green, stretch: c.yellow, 'not-yet': c.red, unknown: c.dim } as const;
  out.push(
    c.bold(
      `Portfolio: ${report.portfolio.map((r) => (r.error ? `${r.name} (${r.error})` : r.name)).join(', ') || 'none'}`,
    ),
  );
  out.push('');
  for (const ad of report.ads) {
    const rank = ad.rank === null ? '  ' : `${ad.rank}.`;
    if (ad.error !== null) {
      out.push(`${rank} ${ad.path}: ${c.red(ad.error)}`, '');
      continue;
    }
    out.push(
      `${rank} ${c.bold(heading(ad))}  ${verdictColor[ad.verdict](ad.verdict.toUpperCase())} ${pct(ad.coverage)}`,
    );
    if (heading(ad) !== ad.path) out.push(`   ${ad.path}`);
    out.push(`   ${ad.reason}`);
    for (const i of ad.requirements) {
      const line = `   ${itemLine(i)}`;
      out.push(
        i.status === 'covered'
          ? c.green(line)
          : i.status === 'missing'
            ? c.red(line)
            : i.status === 'partial'
              ? c.yellow(line)
              : c.dim(line),
      );
      if (i.evidence.length > 0)
        out.push(
          c.dim(
            `       ↳ ${i.evidence
              .slice(0, 2)
              .map((e) => `${whereOf(e)} ${e.detail}`)
              .join('; ')}`,
          ),
        );
    }
    if (ad.nextProject)
      out.push(
        `   ${c.bold('Next project:')} ${ad.nextProject.advice} (covers ${ad.nextProject.covers.length} missing item(s))`,
      );
    if (ad.interview.length > 0) {
      out.push(`   ${c.bold('Prepare for:')}`);
      for (const f of ad.interview)
        out.push(`     - ${f.focus}: ${f.advice}`, c.dim(`       because: "${f.text}"`));
    }
    out.push('');
  }
  out.push(c.dim(report.heuristic));
  return `${out.join('\n')}\n`;
}

function md(text: string): string {
  return text.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

export function renderMatchMarkdown(report: MatchReport): string {
  const out: string[] = ['# Where to apply', ''];
  out.push(`Portfolio: ${report.portfolio.map((r) => md(r.name)).join(', ') || 'none'}`, '');
  out.push('| Rank | Ad | Verdict | Coverage | Missing |', '|---|---|---|---|---|');
  for (const ad of report.ads)
    out.push(
      `| ${ad.rank ?? '—'} | ${md(heading(ad))} | ${ad.error ? `error: ${md(ad.error)}` : ad.verdict} | ${pct(ad.coverage)} | ${ad.missing.length} |`,
    );
  for (const ad of report.ads) {
    if (ad.error) continue;
    out.push(
      '',
      `## ${ad.rank}. ${md(heading(ad))}`,
      '',
      `\`${md(ad.path)}\` — **${ad.verdict}**, coverage ${pct(ad.coverage)}: ${md(ad.reason)}`,
      '',
    );
    out.push('| Status | Kind | Category | Skills | Requirement | Evidence |', '|---|---|---|---|---|---|');
    for (const i of ad.requirements)
      out.push(
        `| ${i.status ?? 'not judged'} | ${i.kind} | ${i.category} | ${i.skills.join(', ')} | ${md(i.text)} (line ${i.line}) | ${md(i.evidence.map((e) => `${whereOf(e)} ${e.detail}`).join('; ') || i.note || '')} |`,
      );
    if (ad.nextProject)
      out.push('', `**Next project — ${md(ad.nextProject.name)}.** ${md(ad.nextProject.advice)}`);
    if (ad.interview.length > 0) {
      out.push('', '**Prepare for the interview**', '');
      for (const f of ad.interview) out.push(`- **${f.focus}** (“${md(f.text)}”): ${md(f.advice)}`);
    }
  }
  out.push('', `_${md(report.heuristic)}_`, '');
  return out.join('\n');
}

export function renderMatchHtml(report: MatchReport): string {
  const e = escapeHtml;
  const rows = report.ads
    .map(
      (ad) =>
        `<tr><td>${ad.rank ?? '—'}</td><td>${e(heading(ad))}</td><td class="${e(ad.verdict)}">${ad.error ? `error: ${e(ad.error)}` : e(ad.verdict)}</td><td>${pct(ad.coverage)}</td><td>${ad.missing.length}</td></tr>`,
    )
    .join('\n');
  const sections = report.ads
    .filter((ad) => ad.error === null)
    .map((ad) => {
      const items = ad.requirements
        .map(
          (i) =>
            `<tr class="${e(i.status ?? 'unjudged')}"><td>${e(i.status ?? 'not judged')}</td><td>${e(i.kind)}</td><td>${e(i.category)}</td><td>${e(i.skills.join(', '))}</td><td>${e(i.text)} <small>line ${i.line}</small></td><td>${e(i.evidence.map((x) => `${whereOf(x)} ${x.detail}`).join('; ') || i.note || '')}</td></tr>`,
        )
        .join('\n');
      const prep = ad.interview
        .map((f) => `<li><strong>${e(f.focus)}</strong> — ${e(f.advice)} <q>${e(f.text)}</q></li>`)
        .join('\n');
      return `<section><h2>${ad.rank}. ${e(heading(ad))}</h2><p><code>${e(ad.path)}</code> — <strong>${e(ad.verdict)}</strong>, coverage ${pct(ad.coverage)}: ${e(ad.reason)}</p>
<table><thead><tr><th>Status</th><th>Kind</th><th>Category</th><th>Skills</th><th>Requirement</th><th>Evidence</th></tr></thead><tbody>
${items}
</tbody></table>
${ad.nextProject ? `<p><strong>Next project — ${e(ad.nextProject.name)}.</strong> ${e(ad.nextProject.advice)}</p>` : ''}
${prep ? `<h3>Prepare for the interview</h3><ul>${prep}</ul>` : ''}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>unherd match: where to apply</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}.covered{background:#e6f4e6}.partial{background:#fff6dd}.missing{background:#fbe4e4}.apply{color:#17612a}.stretch{color:#7a5a00}.not-yet{color:#a11}</style>
</head><body><h1>Where to apply</h1>
<p>Portfolio: ${report.portfolio.map((r) => e(r.name)).join(', ') || 'none'}</p>
<table><thead><tr><th>Rank</th><th>Ad</th><th>Verdict</th><th>Coverage</th><th>Missing</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections}
<p><em>${e(report.heuristic)}</em></p>
</body></html>
`;
}

/** One row per ad, in rank order (RFC 4180, formula-safe like the audit's CSV). */
export function renderMatchCsv(report: MatchReport): string {
  const header = [
    'rank',
    'path',
    'title',
    'company',
    'verdict',
    'coverage',
    'required',
    'covered',
    'partial',
    'missing',
    'missing_skills',
    'next_project',
    'interview',
    'error',
  ];
  const rows = report.ads.map((ad) => {
    const req = ad.requirements.filter((i) => i.kind === 'required' && i.judgeable);
    return [
      ad.rank,
      ad.path,
      ad.title,
      ad.company,
      ad.verdict,
      ad.coverage,
      req.length,
      req.filter((i) => i.status === 'covered').length,
      req.filter((i) => i.status === 'partial').length,
      ad.missing.length,
      [...new Set(ad.missing.flatMap((m) => m.skills))].join('; '),
      ad.nextProject?.name,
      ad.interview.map((f) => f.focus).join('; '),
      ad.error,
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export function renderMatch(
  format: MatchFormat,
  report: MatchReport,
  options: MatchRenderOptions = {},
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderMatchMarkdown(report);
    case 'html':
      return renderMatchHtml(report);
    case 'csv':
      return renderMatchCsv(report);
    default:
      return renderMatchTerminal(report, options);
  }
}
