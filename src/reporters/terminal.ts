import { createColors } from 'picocolors';
import type { Finding, Severity } from '../checks/types.js';
import type { RepoReport, Report } from '../engine/report.js';
import type { NeighboursReport } from '../herd/similarity/types.js';
import type { Portfolio } from '../portfolio/types.js';
import type { PrincipleScore } from '../scoring/policy.js';
import { formatEvidence } from './evidence.js';
import { inputPoints } from './input-text.js';
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
import { neutraliseControls, padEnd, padStart, wrap } from './text.js';

export interface TerminalOptions {
  color: boolean;
  /** Columns to wrap prose at. */
  width?: number;
}

type Colors = ReturnType<typeof createColors>;

const BAR_CELLS = 10;

/** A 0–10 score as a ten-cell bar. */
export function scoreBar(score: number | null): string {
  if (score === null) return '·'.repeat(BAR_CELLS);
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(score)));
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

function scoreColor(c: Colors, score: number | null, max: number): (s: string) => string {
  if (score === null) return c.dim;
  const share = score / max;
  return share >= 0.7 ? c.green : share >= 0.4 ? c.yellow : c.red;
}

function severityLabel(c: Colors, severity: Severity): string {
  const label = padEnd(severity, 6);
  return severity === 'high' ? c.red(label) : severity === 'medium' ? c.yellow(label) : c.dim(label);
}

function header(c: Colors, repo: RepoReport, width: number): string {
  const score = repo.score === null ? 'no score' : `${repo.score}/100`;
  const title = `${c.bold(repo.name)}  ${scoreColor(c, repo.score, 100)(c.bold(score))}`;
  const plain = `${repo.name}  ${score}`;
  const rule = '─'.repeat(Math.max(3, width - plain.length - 4));
  return `${c.dim('──')} ${title} ${c.dim(rule)}\n${c.dim(repo.root ?? repo.path)}`;
}

function principleLine(c: Colors, p: PrincipleScore): string {
  const value = p.score === null ? ' -- ' : padStart(p.score.toFixed(1), 4);
  const counts = `${p.passed} passed, ${p.failed} failed${p.undecided > 0 ? `, ${p.undecided} undecided` : ''}`;
  const kind = p.kind === 'core' ? '' : ` (${p.kind})`;
  const bar = scoreColor(c, p.score, 10)(scoreBar(p.score));
  const notes = principleNote(p);
  const note = notes ? c.dim(`  ${notes}`) : '';
  return `  ${padEnd(p.title + kind, 28)} ${bar} ${value}  ${c.dim(counts)}${note}`;
}

function findingLines(c: Colors, f: Finding): string[] {
  const lines = [`    ${c.red('✖')} ${severityLabel(c, f.severity)} ${c.bold(f.check)}  ${f.message}`];
  for (const e of f.evidence.slice(0, MAX_EVIDENCE)) lines.push(`        ${c.cyan(formatEvidence(e))}`);
  if (f.evidence.length > MAX_EVIDENCE)
    lines.push(c.dim(`        … and ${f.evidence.length - MAX_EVIDENCE} more`));
  return lines;
}

/**
 * The applicant-list row and URL the entry came from, as one line under the header: a reader
 * scanning many repositories matches it to a person by this line, so it is never wrapped.
 */
function inputLine(c: Colors, repo: RepoReport): string | null {
  const points = inputPoints(repo.input);
  if (points.length === 0) return null;
  return c.dim(points.map((p) => `${p.label}: ${p.text}`).join(' · '));
}

function neighboursBlock(c: Colors, n: NeighboursReport, width: number): string[] {
  const out = ['', c.bold('Nearest in the index'), wrap(indexLine(n), width, '  ', '    ')];
  const empty = emptyLine(n);
  if (empty !== null) {
    out.push(`  ${n.error !== null ? c.red(empty) : c.dim(empty)}`);
    return out;
  }
  for (const nb of n.nearest) {
    out.push(`  ${c.bold(percent(nb.similarity))}  ${c.bold(nb.name)}  ${c.dim(nb.path)}`);
    out.push(c.dim(`        ${partsText(nb.parts)}`));
    const passages = passageLines(nb);
    if (passages.lines.length > 0) out.push('      shared code (this ↔ neighbour):');
    for (const l of passages.lines) out.push(`        ${c.cyan(l.a)} ↔ ${c.cyan(l.b)}`);
    if (passages.more > 0) out.push(c.dim(`        … and ${passages.more} more`));
    for (const list of sharedLists(nb)) out.push(wrap(sharedListText(list), width, '      ', '        '));
  }
  return out;
}

function renderRepo(c: Colors, repo: RepoReport, width: number): string {
  const out: string[] = [header(c, repo, width)];
  const carried = inputLine(c, repo);
  if (carried !== null) out.push(carried);
  if (repo.error !== null) {
    out.push('', `${c.red('✖ could not audit:')} ${repo.error}`);
    return out.join('\n');
  }
  if (repo.summary !== '') out.push('', wrap(repo.summary, width));
  const route = routeText(repo);
  if (route !== null) out.push('', wrap(route, width));

  out.push('', c.bold('Principles'));
  if (repo.principles.length === 0) out.push(c.dim('  no check decided anything'));
  for (const p of repo.principles) out.push(principleLine(c, p));
  // Principles already listed above carry their own "not scored" note; name only the missing ones.
  const unlisted = unlistedExclusions(repo);
  if (unlisted.length > 0) {
    out.push(c.dim('  Not scored:'));
    for (const e of unlisted) out.push(c.dim(`    ${principleTitle(e.principle)}: ${e.reason}`));
  }

  if (repo.nextSteps.length > 0) {
    out.push('', c.bold('Next steps'));
    repo.nextSteps.forEach((s, i) => {
      const gain = s.gain > 0 ? `+${s.gain} points, ` : '';
      const text = wrap(
        `${i + 1}. ${s.advice} (${gain}${s.check}, ${principleTitle(s.principle)}${routeTag(s.route)})`,
        width,
        '  ',
        '     ',
      );
      out.push(text.replace(/\([^()]*\)$/, (detail) => c.dim(detail)));
    });
  }

  const failures = failuresByPrinciple(repo);
  const principles = principlesWithResults(repo);
  if (principles.length > 0) out.push('', c.bold('Findings'));
  for (const principle of principles) {
    out.push(`  ${c.bold(principleTitle(principle))}`);
    const group = failures.find((g) => g.principle === principle);
    for (const f of group?.findings ?? []) out.push(...findingLines(c, f));
    for (const r of repo.checks.filter((x) => x.principle === principle && x.outcome === 'error')) {
      out.push(
        `    ${c.magenta('!')} ${padEnd('error', 6)} ${c.bold(r.check)}  ${r.reason ?? 'the check failed to run'}`,
      );
    }
    const passes = passTitles(repo, principle);
    if (passes.length > 0) {
      out.push(
        wrap(`✔ stands out: ${passes.join('; ')}`, width, '    ', '      ').replace('✔', c.green('✔')),
      );
    }
  }
  const since = sinceLastRun(repo);
  if (since !== null) out.push('', wrap(since, width, '', '  '));
  if (repo.neighbours) out.push(...neighboursBlock(c, repo.neighbours, width));
  const ignored = ignoredFindings(repo);
  if (ignored.length > 0) {
    out.push('', c.bold('Ignored by the config (not scored)'));
    for (const f of ignored) {
      const where = f.evidence[0] ? `  ${c.cyan(formatEvidence(f.evidence[0]))}` : '';
      out.push(`    ${c.dim('–')} ${c.bold(f.check)}  ${f.message}${where}`);
      out.push(wrap(`reason: ${f.ignored.reason}`, width, '        ', '          '));
    }
  }
  return out.join('\n');
}

function portfolioBlock(c: Colors, p: Portfolio, width: number): string {
  const lines = [c.bold('Portfolio')];
  for (const point of portfolioPoints(p))
    lines.push(wrap(`${point.label}: ${point.text}`, width, '  ', '    '));
  const gaps = gapLines(p);
  if (gaps.length > 0) {
    lines.push(`  ${c.bold('Still missing, most valuable first')}`);
    for (const [i, g] of gaps.entries()) lines.push(wrap(`${i + 1}. ${g}`, width, '    ', '       '));
  }
  return lines.join('\n');
}

function overview(c: Colors, report: Report): string {
  const ranked = rankRepos(report);
  const nameWidth = Math.min(40, Math.max(10, ...ranked.map((r) => r.repo.name.length)));
  const lines = [
    c.bold('Overview'),
    `  ${padStart('#', 3)}  ${padEnd('repository', nameWidth)}  ${padStart('score', 5)}  ${padStart('red flags', 9)}  top next step`,
  ];
  for (const { rank, repo } of ranked) {
    const name = padEnd(
      repo.name.length > nameWidth ? `${repo.name.slice(0, nameWidth - 1)}…` : repo.name,
      nameWidth,
    );
    const score = padStart(repo.score === null ? '--' : String(repo.score), 5);
    const flags = padStart(repo.error === null ? String(repo.redFlags.length) : '-', 9);
    const next = repo.error !== null ? c.red(`error: ${repo.error}`) : (repo.nextSteps[0]?.advice ?? '');
    lines.push(
      `  ${padStart(String(rank), 3)}  ${name}  ${scoreColor(c, repo.score, 100)(score)}  ${flags}  ${next}`,
    );
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** The human report: one block per repository, and a ranked overview when there are several. */
export function renderTerminal(untrusted: Report, options: TerminalOptions): string {
  const report = neutraliseControls(untrusted);
  const c = createColors(options.color);
  const width = options.width ?? 100;
  const blocks = report.repos.map((repo) => renderRepo(c, repo, width));
  if (report.repos.length > 1) blocks.push(overview(c, report));
  if (report.portfolio) blocks.push(portfolioBlock(c, report.portfolio, width));
  if (report.repos.length === 0) blocks.push('No repositories were audited.');
  return `${blocks.join('\n\n')}\n`;
}
