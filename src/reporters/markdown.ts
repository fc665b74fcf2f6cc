import type { Finding } from '../checks/types.js';
import type { RepoReport, Report } from '../engine/report.js';
import type { NeighboursReport } from '../herd/similarity/types.js';
import type { Portfolio } from '../portfolio/types.js';
import { formatEvidence } from './evidence.js';
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
  MAX_EVIDENCE,
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
import { scoreBar } from './terminal.js';

/** Keeps user text from breaking tables or starting HTML. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

const inlineCode = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function findingLines(f: Finding): string[] {
  const lines = [`- **${f.check}** (${f.severity}): ${escapeText(f.message)}`];
  for (const e of f.evidence.slice(0, MAX_EVIDENCE)) lines.push(`  - ${inlineCode(formatEvidence(e))}`);
  if (f.evidence.length > MAX_EVIDENCE) lines.push(`  - … and ${f.evidence.length - MAX_EVIDENCE} more`);
  return lines;
}

function neighboursLines(n: NeighboursReport, level: string): string[] {
  const out = [`${level}# Nearest in the index`, '', escapeText(indexLine(n)), ''];
  const empty = emptyLine(n);
  if (empty !== null) return [...out, escapeText(empty), ''];
  for (const nb of n.nearest) {
    out.push(
      `- **${escapeText(nb.name)}** ${inlineCode(nb.path)}: ${percent(nb.similarity)} alike (${partsText(nb.parts)})`,
    );
    const passages = passageLines(nb);
    for (const l of passages.lines) out.push(`  - code: ${inlineCode(l.a)} ↔ ${inlineCode(l.b)}`);
    if (passages.more > 0) out.push(`  - … and ${passages.more} more passages`);
    for (const list of sharedLists(nb)) out.push(`  - ${escapeText(sharedListText(list))}`);
  }
  out.push('');
  return out;
}

function renderRepo(repo: RepoReport, level: string): string {
  const score = repo.score === null ? 'no score' : `${repo.score}/100`;
  const out = [`${level} ${escapeText(repo.name)} — ${score}`, ''];
  const carried = inputPoints(repo.input);
  if (carried.length > 0)
    out.push(carried.map((p) => `**${escapeText(p.label)}:** ${escapeText(p.text)}`).join(' · '), '');
  if (repo.error !== null) {
    out.push(`> **Could not audit:** ${escapeText(repo.error)}`);
    return out.join('\n');
  }
  if (repo.summary !== '') out.push(escapeText(repo.summary), '');
  const route = routeText(repo);
  if (route !== null)
    out.push(
      `**${escapeText(route.replace(/:.*/s, ''))}:**${escapeText(route.slice(route.indexOf(':') + 1))}`,
      '',
    );

  if (repo.principles.length > 0) {
    out.push('| principle | score | | passed | failed | note |', '| --- | ---: | --- | ---: | ---: | --- |');
    for (const p of repo.principles) {
      const value = p.score === null ? '–' : p.score.toFixed(1);
      const kind = p.kind === 'core' ? '' : ` (${p.kind})`;
      out.push(
        `| ${escapeText(p.title + kind)} | ${value} | ${inlineCode(scoreBar(p.score))} | ${p.passed} | ${p.failed} | ${escapeText(principleNote(p))} |`,
      );
    }
    out.push('');
  }
  const unlisted = unlistedExclusions(repo);
  if (unlisted.length > 0) {
    const names = unlisted.map((e) => `${principleTitle(e.principle)} (${escapeText(e.reason)})`);
    out.push(`Not scored: ${names.join('; ')}.`, '');
  }
  if (repo.nextSteps.length > 0) {
    out.push(`${level}# Next steps`, '');
    repo.nextSteps.forEach((s, i) => {
      const gain = s.gain > 0 ? `+${s.gain} points, ` : '';
      out.push(
        `${i + 1}. ${escapeText(s.advice)} _(${gain}${s.check}, ${principleTitle(s.principle)}${routeTag(s.route)})_`,
      );
    });
    out.push('');
  }
  const principles = principlesWithResults(repo);
  if (principles.length > 0) out.push(`${level}# Findings`, '');
  const failures = failuresByPrinciple(repo);
  for (const principle of principles) {
    out.push(`**${principleTitle(principle)}**`, '');
    for (const f of failures.find((g) => g.principle === principle)?.findings ?? [])
      out.push(...findingLines(f));
    for (const r of repo.checks.filter((x) => x.principle === principle && x.outcome === 'error')) {
      out.push(`- **${r.check}** could not run: ${escapeText(r.reason ?? 'unknown error')}`);
    }
    const passes = passTitles(repo, principle);
    if (passes.length > 0) out.push(`- ✔ Stands out: ${passes.map(escapeText).join('; ')}`);
    out.push('');
  }
  const since = sinceLastRun(repo);
  if (since !== null) out.push(`**${escapeText(since)}**`, '');
  if (repo.neighbours) out.push(...neighboursLines(repo.neighbours, level));
  const ignored = ignoredFindings(repo);
  if (ignored.length > 0) {
    out.push(`${level}# Ignored by the config (not scored)`, '');
    for (const f of ignored) {
      const where = f.evidence[0] ? ` ${inlineCode(formatEvidence(f.evidence[0]))}` : '';
      out.push(`- **${f.check}**: ${escapeText(f.message)}${where}`);
      out.push(`  - _Reason:_ ${escapeText(f.ignored.reason)}`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

function portfolioSection(p: Portfolio): string {
  const lines = ['## Portfolio', ''];
  for (const point of portfolioPoints(p)) lines.push(`- **${point.label}:** ${escapeText(point.text)}`);
  const gaps = gapLines(p);
  if (gaps.length > 0) {
    lines.push('', '**Still missing, most valuable first**', '');
    for (const [i, g] of gaps.entries()) lines.push(`${i + 1}. ${escapeText(g)}`);
  }
  return lines.join('\n');
}

function overview(report: Report): string {
  const carried = carriedColumns(report.repos.map((r) => r.input));
  const lines = [
    `| # | ${carried.map((k) => `${escapeText(k)} | `).join('')}repository | score | red flags | top next step |`,
    `| ---: | ${carried.map(() => '--- | ').join('')}--- | ---: | ---: | --- |`,
  ];
  for (const { rank, repo } of rankRepos(report)) {
    const next = repo.error !== null ? `error: ${repo.error}` : (repo.nextSteps[0]?.advice ?? '');
    const flags = repo.error === null ? String(repo.redFlags.length) : '–';
    const cells = carried.map((k) => `${escapeText(repo.input?.columns?.[k] ?? '')} | `).join('');
    lines.push(
      `| ${rank} | ${cells}${escapeText(repo.name)} | ${repo.score ?? '–'} | ${flags} | ${escapeText(next)} |`,
    );
  }
  return lines.join('\n');
}

/** Markdown for a pull-request comment or mentor notes. */
export function renderMarkdown(report: Report): string {
  const many = report.repos.length > 1;
  const blocks = [`# unherd audit`];
  if (many) blocks.push(overview(report));
  if (report.portfolio) blocks.push(portfolioSection(report.portfolio));
  if (report.repos.length === 0) blocks.push('No repositories were audited.');
  for (const repo of report.repos) blocks.push(renderRepo(repo, '##'));
  const at = report.generatedAt ? `, ${escapeText(report.generatedAt)}` : '';
  blocks.push(`<sub>unherd ${report.tool.version}, report schema ${report.schemaVersion}${at}</sub>`);
  return `${blocks.join('\n\n')}\n`;
}
