import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { TOOL_VERSION } from '../engine/audit.js';
import type { RunChanges } from '../engine/report.js';
import { UnherdError } from '../errors.js';
import { PRINCIPLES, type PrincipleId } from '../principles.js';
import { escapeHtml } from '../reporters/html-escape.js';
import { looksRemote, parseRemoteUrl } from '../source/remote/url.js';
import { type HistoryRun, openStore, type RepoHistory, readRepoState } from '../store/index.js';
import type { CliIo } from './main.js';
import { storeTarget } from './record.js';

/** Version of the `history --format json` contract (schema/history.schema.json). */
export const HISTORY_SCHEMA_VERSION = '1.0.0';

export const HISTORY_FORMATS = ['terminal', 'json', 'markdown', 'html', 'csv'] as const;
type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export interface HistoryDocument {
  schemaVersion: string;
  tool: { name: 'unherd'; version: string };
  repo: { id: string; identity: string; name: string; tags: string[] };
  runs: {
    commit: string | null;
    recordedAt: string;
    toolVersion: string;
    score: number | null;
    principles: HistoryRun['principles'];
    facts: HistoryRun['facts'];
    tags: string[];
    error: string | null;
    changes: RunChanges | null;
  }[];
}

export function historyDocument(history: RepoHistory): HistoryDocument {
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    tool: { name: 'unherd', version: TOOL_VERSION },
    repo: { id: history.repoId, identity: history.identity, name: history.name, tags: history.tags },
    runs: history.runs.map((r) => ({
      commit: r.commit,
      recordedAt: r.recordedAt,
      toolVersion: r.toolVersion,
      score: r.score,
      principles: r.principles,
      facts: r.facts,
      tags: r.tags,
      error: r.error,
      changes: r.changes,
    })),
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline over a fixed range, so 50 → 60 does not look like 0 → 100; a gap for unscored runs. */
export function sparkline(values: readonly (number | null)[], max: number): string {
  return values
    .map((v) =>
      v === null ? ' ' : BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))],
    )
    .join('');
}

function principleIds(doc: HistoryDocument): PrincipleId[] {
  const seen = new Set<PrincipleId>();
  for (const run of doc.runs) for (const p of run.principles) seen.add(p.principle);
  return (Object.keys(PRINCIPLES) as PrincipleId[]).filter((p) => seen.has(p));
}

const scoreOf = (run: HistoryDocument['runs'][number], p: PrincipleId) =>
  run.principles.find((x) => x.principle === p)?.score ?? null;

const day = (iso: string) => iso.slice(0, 10);
const short = (commit: string | null) => (commit === null ? '—' : commit.slice(0, 7));
const change = (run: HistoryDocument['runs'][number]) =>
  run.error !== null ? `could not audit: ${run.error}` : (run.changes?.summary ?? 'first recorded run');

export function renderHistoryTerminal(doc: HistoryDocument): string {
  const lines = [`${doc.repo.name}  ${doc.repo.identity}`, `${doc.runs.length} recorded run(s)`, ''];
  const scores = doc.runs.map((r) => r.score);
  const last = scores.at(-1);
  lines.push(`  ${'Score'.padEnd(24)} ${sparkline(scores, 100)}  ${last ?? '—'}`);
  for (const p of principleIds(doc)) {
    const values = doc.runs.map((r) => scoreOf(r, p));
    lines.push(`  ${PRINCIPLES[p].title.padEnd(24)} ${sparkline(values, 10)}  ${values.at(-1) ?? '—'}`);
  }
  const commits = doc.runs.map((r) => r.facts.commits);
  if (commits.some((c) => c !== null)) {
    const top = Math.max(1, ...commits.map((c) => c ?? 0));
    lines.push(`  ${'Commits'.padEnd(24)} ${sparkline(commits, top)}  ${commits.at(-1) ?? '—'}`);
  }
  lines.push('');
  for (const run of doc.runs) {
    lines.push(
      `  ${day(run.recordedAt)}  ${short(run.commit)}  ${String(run.score ?? '—').padStart(3)}  ${change(run)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderHistoryMarkdown(doc: HistoryDocument): string {
  const lines = [
    `## History of ${mdCell(doc.repo.name)}`,
    '',
    `\`${doc.repo.identity}\` — ${doc.runs.length} recorded run(s); score ${sparkline(
      doc.runs.map((r) => r.score),
      100,
    )}`,
    '',
    '| Recorded | Commit | Score | What changed |',
    '|---|---|---:|---|',
    ...doc.runs.map(
      (r) => `| ${day(r.recordedAt)} | \`${short(r.commit)}\` | ${r.score ?? '—'} | ${mdCell(change(r))} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A cell starting like a formula is quoted with a leading apostrophe, as the report's CSV does.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderHistoryCsv(doc: HistoryDocument): string {
  const principles = principleIds(doc);
  const header = ['recorded_at', 'commit', 'tool_version', 'score', ...principles, 'score_delta', 'changes'];
  const rows = doc.runs.map((r) => [
    r.recordedAt,
    r.commit,
    r.toolVersion,
    r.score,
    ...principles.map((p) => scoreOf(r, p)),
    r.changes?.scoreDelta ?? null,
    change(r),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

function trendSvg(values: readonly (number | null)[]): string {
  const points = values
    .map((v, i) =>
      v === null
        ? null
        : [values.length === 1 ? 150 : (i * 300) / (values.length - 1), 60 - (v * 56) / 100 - 2],
    )
    .filter((p): p is number[] => p !== null);
  const first = values.find((v) => v !== null);
  const last = [...values].reverse().find((v) => v !== null);
  const label =
    first === undefined || last === undefined
      ? 'No scored runs'
      : `Score over ${values.length} runs, from ${first} to ${last}`;
  return `<svg role="img" aria-label="${escapeHtml(label)}" viewBox="-4 -4 308 68" width="308" height="68"><polyline fill="none" stroke="currentColor" stroke-width="2" points="${points.map((p) => p.map((n) => n.toFixed(1)).join(',')).join(' ')}"/>${points.map((p) => `<circle cx="${p[0]!.toFixed(1)}" cy="${p[1]!.toFixed(1)}" r="3"/>`).join('')}</svg>`;
}

export function renderHistoryHtml(doc: HistoryDocument): string {
  const rows = doc.runs
    .map(
      (r) =>
        `<tr><td>${escapeHtml(day(r.recordedAt))}</td><td><code>${escapeHtml(short(r.commit))}</code></td><td>${r.score ?? '—'}</td><td>${escapeHtml(change(r))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>History of ${escapeHtml(doc.repo.name)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>History of ${escapeHtml(doc.repo.name)}</h1>
<p><code>${escapeHtml(doc.repo.identity)}</code> — ${doc.runs.length} recorded run(s)</p>
${trendSvg(doc.runs.map((r) => r.score))}
<table><thead><tr><th scope="col">Recorded</th><th scope="col">Commit</th><th scope="col">Score</th><th scope="col">What changed</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

export function renderHistory(format: HistoryFormat, doc: HistoryDocument): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    case 'markdown':
      return renderHistoryMarkdown(doc);
    case 'html':
      return renderHistoryHtml(doc);
    case 'csv':
      return renderHistoryCsv(doc);
    default:
      return renderHistoryTerminal(doc);
  }
}

/** The identity a repository is recorded under: its normalised URL, its origin's, else its folder. */
async function identityOf(input: string): Promise<string> {
  if (looksRemote(input)) return parseRemoteUrl(input, { allowHttp: true }).normalised;
  return (await readRepoState(resolve(input))).identity;
}

interface HistoryFlags {
  db?: string;
  format: HistoryFormat;
  output?: string;
}

export function registerHistoryCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('history')
    .description("a repository's recorded runs: score, sub-scores and facts over time, and what changed")
    .argument('<repo>', 'repository folder or git URL, as it was audited')
    .option('--db <path|url>', 'the audit history (default: UNHERD_DB, else history.db in your data folder)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(HISTORY_FORMATS).default('terminal'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (input: string, flags: HistoryFlags) => {
      const target = storeTarget(flags.db, io.env)!;
      const identity = await identityOf(input);
      const store = await openStore(target);
      let history: RepoHistory | null;
      try {
        history = await store.history(identity);
      } finally {
        await store.close();
      }
      if (!history)
        throw new UnherdError(
          'NOT_FOUND',
          `no recorded runs of ${identity} in ${store.location}`,
          'run `unherd audit` on it first (recording is on unless --no-db)',
        );
      const text = renderHistory(flags.format, historyDocument(history));
      if (flags.output === undefined) io.stdout.write(text);
      else writeFileSync(flags.output, text);
      setExit(0);
    });
}
