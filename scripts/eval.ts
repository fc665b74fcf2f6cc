/**
 * Evaluation on real repositories: unherd's published facts and ranking against labels written by
 * people who read each repository first (definitions: docs/eval.md).
 *
 *   npm run eval -- <folder of checkouts> [--labels eval/labels] [--second eval/labels-b]
 *                   [--report audit.json] [--save-report audit.json] [--misses MISSES.md]
 *                   [--jobs 2] [--json]
 *
 * The folder holds one checkout per labelled repository, named `<owner>+<name>` and checked out at
 * the label's commit. The built CLI audits them all once (`--report` reuses an audit JSON instead).
 * Prints per-field agreement, stock-dataset recall and precision, the AUC of the total score for
 * `standout` over `herd`, the next steps that would take a replication or a tool off its route, and
 * with `--second` the agreement between two labellers and their disagreements.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type LabelValue = string | number | boolean | string[] | null;
export type Labels = Record<string, LabelValue>;
export interface LabelFile {
  repo: string;
  commit: string;
  labeller?: string;
  labels: Labels;
  notes?: Record<string, string>;
}

/** The fact fields compared with unherd's output, in docs/eval.md order. `class` is not a fact. */
export const FACT_FIELDS = [
  'stockDatasets',
  'capstones',
  'customData',
  'scrapingOrApi',
  'replication',
  'citesPaper',
  'route',
  'tests',
  'ci',
  'dockerfile',
  'webApps',
  'runInstructions',
  'notebooks',
  'primaryLanguage',
  'commitCount',
  'spanDays',
  'botCommits',
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const TARGETS = { field: 0.95, overall: 0.98, datasetRecall: 0.9, datasetPrecision: 0.9, auc: 0.97 };

/** Checks whose advice takes a project off the replication or tool route. */
const OFF_ROUTE_CHECKS = new Set(['SIG101', 'HRD101', 'HRD104']);
const OFF_ROUTE_ADVICE =
  /collect (?:data|your own)|data of your own|your own data|swap (?:the |your )?(?:stock )?data|replace the [\w ]*data|different dataset/i;

// ---------------------------------------------------------------------------------------------
// What unherd says, read from its JSON report (schema/report.schema.json)

// biome-ignore lint/suspicious/noExplicitAny: the report is read loosely so newer fields are picked up
type Json = any;

const WEB_ALIASES: Record<string, string> = {
  'next.js': 'nextjs',
  next: 'nextjs',
  'r shiny': 'shiny',
  'shiny (r)': 'shiny',
  'shiny for python': 'shiny',
  'plotly dash': 'dash',
  'spring boot': 'spring',
};

const LANGUAGE_ALIASES: Record<string, string> = {
  'jupyter notebook': 'Python',
  python: 'Python',
  r: 'R',
  rmarkdown: 'R',
  'r markdown': 'R',
  quarto: 'Python',
  sql: 'SQL',
  typescript: 'TypeScript',
  tsx: 'TypeScript',
  javascript: 'JavaScript',
  jsx: 'JavaScript',
  'c++': 'C++',
  cpp: 'C++',
  java: 'Java',
  vue: 'Vue',
  stata: 'Stata',
  matlab: 'MATLAB',
  fortran: 'Fortran',
  julia: 'Julia',
};

export function normaliseLanguage(name: string): string {
  return LANGUAGE_ALIASES[name.toLowerCase()] ?? name;
}

function ids(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return [...new Set(list.map((m: Json) => (typeof m === 'string' ? m : String(m?.id))))].sort();
}

/** The route the report publishes, wherever the contract puts it (a string or `{ id }`). */
function routeOf(repo: Json): string | undefined {
  for (const value of [repo.route, repo.facts?.route]) {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const id = value.id ?? value.route ?? value.name;
      if (typeof id === 'string') return id;
    }
  }
  return undefined;
}

/** The published replication fact (`facts.replication.recognised`, 1.2.0), else SIG103 passing. */
function replicationOf(repo: Json): boolean | undefined {
  const fact = repo.facts?.replication;
  if (typeof fact === 'boolean') return fact;
  if (fact && typeof fact === 'object') {
    const flag = fact.recognised ?? fact.replicates ?? fact.detected ?? fact.value;
    if (typeof flag === 'boolean') return flag;
  }
  const check = (repo.checks ?? []).find((c: Json) => c.check === 'SIG103');
  return check ? check.outcome === 'pass' : undefined;
}

/** Markup and style are not programming languages (docs/eval.md, primaryLanguage). */
const NOT_PROGRAMMING = new Set([
  'html',
  'css',
  'scss',
  'markdown',
  'tex',
  'json',
  'yaml',
  'xml',
  'svg',
  'text',
]);

function primaryLanguageOf(languages: unknown): string | undefined {
  if (!languages || typeof languages !== 'object') return undefined;
  const totals = new Map<string, number>();
  for (const [name, bytes] of Object.entries(languages as Record<string, number>)) {
    if (NOT_PROGRAMMING.has(name.toLowerCase())) continue;
    const key = normaliseLanguage(name);
    totals.set(key, (totals.get(key) ?? 0) + bytes);
  }
  let best: string | undefined;
  let most = -1;
  for (const [name, bytes] of totals) {
    if (bytes > most) [best, most] = [name, bytes];
  }
  return best;
}

/** The tool's value for each fact field; `undefined` when the report does not publish it. */
export function toolValues(repo: Json): Partial<Record<FactField, LabelValue | undefined>> {
  const f = repo.facts ?? {};
  const web = Array.isArray(f.webApps)
    ? [...new Set(f.webApps.map((w: string) => WEB_ALIASES[w.toLowerCase()] ?? w.toLowerCase()))].sort()
    : undefined;
  return {
    stockDatasets: ids(f.stockDatasets),
    capstones: ids(f.capstones),
    customData: f.customData,
    scrapingOrApi: f.scrapingOrApi,
    replication: replicationOf(repo),
    citesPaper: Array.isArray(f.paperReferences) ? f.paperReferences.length > 0 : undefined,
    route: routeOf(repo),
    tests: f.tests,
    ci: f.ci,
    dockerfile: f.dockerfile,
    webApps: web as string[] | undefined,
    runInstructions: f.readme?.runInstructions,
    notebooks: f.notebooks,
    primaryLanguage: primaryLanguageOf(f.languages),
    commitCount: f.git?.commitCount,
    spanDays: f.git?.spanDays,
    botCommits: f.git?.botCommits,
  };
}

// ---------------------------------------------------------------------------------------------
// Comparison

export function agrees(field: string, a: LabelValue | undefined, b: LabelValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const x = [...new Set(a)].sort();
    const y = [...new Set(b)].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (field === 'spanDays' && typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1;
  if (field === 'primaryLanguage' && typeof a === 'string' && typeof b === 'string') {
    return normaliseLanguage(a) === normaliseLanguage(b);
  }
  return a === b;
}

export interface Miss {
  repo: string;
  field: string;
  expected: LabelValue;
  actual: LabelValue | undefined;
}

export interface FieldAgreement {
  field: string;
  compared: number;
  agreed: number;
  rate: number | null;
  unpublished: number;
}

/** Per-field agreement of `actual` with `expected` over the repositories both cover. */
export function agreement(
  fields: readonly string[],
  rows: { repo: string; expected: Labels; actual: Partial<Record<string, LabelValue | undefined>> }[],
): { fields: FieldAgreement[]; overall: number | null; misses: Miss[] } {
  const misses: Miss[] = [];
  const out: FieldAgreement[] = [];
  let compared = 0;
  let agreed = 0;
  for (const field of fields) {
    const row = { field, compared: 0, agreed: 0, rate: null as number | null, unpublished: 0 };
    for (const { repo, expected, actual } of rows) {
      const want = expected[field];
      if (want === null || want === undefined) continue;
      row.compared++;
      const got = actual[field];
      if (got === undefined) row.unpublished++;
      if (agrees(field, want, got)) row.agreed++;
      else misses.push({ repo, field, expected: want, actual: got });
    }
    row.rate = row.compared > 0 ? row.agreed / row.compared : null;
    compared += row.compared;
    agreed += row.agreed;
    out.push(row);
  }
  return { fields: out, overall: compared > 0 ? agreed / compared : null, misses };
}

/** Pooled recall and precision of found ids against labelled ids (`new:` labels count as missed). */
export function setScores(pairs: { expected: string[]; actual: string[] }[]): {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  recall: number | null;
  precision: number | null;
} {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const { expected, actual } of pairs) {
    const want = new Set(expected);
    const got = new Set(actual);
    for (const id of want) got.has(id) ? tp++ : fn++;
    for (const id of got) if (!want.has(id)) fp++;
  }
  return {
    truePositives: tp,
    falseNegatives: fn,
    falsePositives: fp,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
  };
}

/** Probability that a random positive scores above a random negative (ties count half). */
export function auc(positives: number[], negatives: number[]): number | null {
  if (positives.length === 0 || negatives.length === 0) return null;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

export interface OffRouteAdvice {
  repo: string;
  route: string;
  check: string;
  advice: string;
}

/** Next steps that tell a replication or a tool/pipeline project to collect data or swap its dataset. */
export function offRouteAdvice(route: string, repo: string, nextSteps: Json[]): OffRouteAdvice[] {
  if (route !== 'replication' && route !== 'tool-pipeline') return [];
  return nextSteps
    .filter((s) => OFF_ROUTE_CHECKS.has(s.check) || OFF_ROUTE_ADVICE.test(String(s.advice ?? '')))
    .map((s) => ({ repo, route, check: String(s.check), advice: String(s.advice) }));
}

// ---------------------------------------------------------------------------------------------
// Input

export function readLabels(dir: string): LabelFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as LabelFile);
}

const folderName = (repo: string) => repo.replace('/', '+');

function headOf(dir: string): string | null {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function audit(paths: string[], jobs: number): Json {
  const dir = mkdtempSync(join(tmpdir(), 'unherd-eval-'));
  try {
    const list = join(dir, 'paths.txt');
    const out = join(dir, 'report.json');
    writeFileSync(list, `${paths.join('\n')}\n`);
    const bin = fileURLToPath(new URL('../bin/unherd.js', import.meta.url));
    // Judgement is measured here, not speed: no per-repository time limit (a loaded machine
    // would otherwise turn slow audits into misses).
    const help = spawnSync(process.execPath, [bin, 'audit', '--help'], { encoding: 'utf8' }).stdout ?? '';
    const noLimit = help.includes('--repo-timeout') ? ['--repo-timeout', '0'] : [];
    // The code under test is measured, never a run the history store kept from an older build
    // with the same version number.
    const noStore = help.includes('--no-db') ? ['--no-db'] : [];
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'audit',
        '--from',
        list,
        '-f',
        'json',
        '-q',
        '-j',
        String(jobs),
        ...noLimit,
        ...noStore,
        '-o',
        out,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (!existsSync(out)) throw new Error(`the audit wrote no report (exit ${run.status})`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Output

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const show = (v: LabelValue | undefined) =>
  v === undefined ? '(not published)' : Array.isArray(v) ? `[${v.join(', ')}]` : JSON.stringify(v);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function fieldTable(fields: FieldAgreement[], target: number): string {
  return table([
    ['field', 'agree', 'of', 'rate', 'target', 'unpublished'],
    ...fields.map((f) => [
      f.field,
      String(f.agreed),
      String(f.compared),
      pct(f.rate),
      f.rate === null ? '' : f.rate >= target ? 'ok' : 'MISS',
      f.unpublished ? String(f.unpublished) : '',
    ]),
  ]);
}

function missesMarkdown(result: EvalResult): string {
  const lines = [
    '# Where unherd misses the labels',
    '',
    `Evaluation of unherd ${result.tool} on ${result.repos} labelled repositories` +
      (result.commit ? ` (unherd commit ${result.commit})` : '') +
      '. Labels: docs/eval.md definitions; `npm run eval`.',
    '',
    `Overall fact agreement ${pct(result.overall)}; stock datasets recall ${pct(result.datasets.recall)}, ` +
      `precision ${pct(result.datasets.precision)}; AUC standout over herd ${result.auc === null ? '—' : result.auc.toFixed(3)}.`,
    '',
    '## By field',
    '',
  ];
  for (const f of result.fields) {
    const misses = result.misses.filter((m) => m.field === f.field);
    lines.push(`### ${f.field} — ${pct(f.rate)} (${f.agreed}/${f.compared})`, '');
    if (misses.length === 0) lines.push('No miss.', '');
    if (misses.length > 0 && f.unpublished === f.compared) {
      lines.push(`Not published by this version of unherd (labelled on ${f.compared} repositories).`, '');
      continue;
    }
    for (const m of misses)
      lines.push(`- \`${m.repo}\`: labelled ${show(m.expected)}, unherd ${show(m.actual)}`);
    if (misses.length > 0) lines.push('');
  }
  lines.push('## By repository', '');
  const byRepo = new Map<string, Miss[]>();
  for (const m of result.misses) byRepo.set(m.repo, [...(byRepo.get(m.repo) ?? []), m]);
  for (const [repo, misses] of [...byRepo].sort()) {
    lines.push(`- \`${repo}\`: ${misses.map((m) => m.field).join(', ')}`);
  }
  lines.push('', '## Ranking (score by class)', '');
  for (const r of result.ranking)
    lines.push(`- ${r.class} ${String(r.score ?? '—').padStart(3)} \`${r.repo}\``);
  lines.push('', '## Next steps off the route', '');
  if (result.offRoute.length === 0) lines.push('None.');
  for (const o of result.offRoute) lines.push(`- \`${o.repo}\` (${o.route}): ${o.check} — ${o.advice}`);
  return `${lines.join('\n')}\n`;
}

export interface EvalResult {
  tool: string;
  commit: string | null;
  repos: number;
  fields: FieldAgreement[];
  overall: number | null;
  misses: Miss[];
  datasets: ReturnType<typeof setScores> & { missed: string[]; extra: string[] };
  auc: number | null;
  ranking: { repo: string; class: string; score: number | null }[];
  offRoute: OffRouteAdvice[];
  notes: string[];
  second?: {
    labeller: string;
    repos: number;
    fields: FieldAgreement[];
    overall: number | null;
    disagreements: Miss[];
  };
}

// ---------------------------------------------------------------------------------------------

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export function evaluate(labels: LabelFile[], report: Json, byRepo: Map<string, Json>): EvalResult {
  const notes: string[] = [];
  const rows = labels.flatMap((l) => {
    const repo = byRepo.get(l.repo);
    if (!repo || repo.error) {
      // Counted, not skipped: every field of a repository unherd could not audit is a miss.
      notes.push(`${l.repo}: not audited${repo?.error ? ` (${repo.error})` : ''}`);
      return [{ repo: l.repo, expected: l.labels, actual: {}, report: { score: null, nextSteps: [] } }];
    }
    return [{ repo: l.repo, expected: l.labels, actual: toolValues(repo), report: repo }];
  });
  const { fields, overall, misses } = agreement(FACT_FIELDS, rows);
  const datasetPairs = rows
    .filter((r) => Array.isArray(r.expected.stockDatasets))
    .map((r) => ({
      repo: r.repo,
      expected: r.expected.stockDatasets as string[],
      actual: (r.actual.stockDatasets as string[] | undefined) ?? [],
    }));
  const datasets = {
    ...setScores(datasetPairs),
    missed: datasetPairs.flatMap((p) =>
      p.expected.filter((id) => !p.actual.includes(id)).map((id) => `${p.repo}: ${id}`),
    ),
    extra: datasetPairs.flatMap((p) =>
      p.actual.filter((id) => !p.expected.includes(id)).map((id) => `${p.repo}: ${id}`),
    ),
  };
  const ranking = rows
    .map((r) => ({ repo: r.repo, class: String(r.expected.class), score: r.report.score as number | null }))
    .sort((a, b) => a.class.localeCompare(b.class) || (b.score ?? -1) - (a.score ?? -1));
  const scored = (cls: string) =>
    ranking.filter((r) => r.class === cls && r.score !== null).map((r) => r.score as number);
  const offRoute = rows.flatMap((r) =>
    offRouteAdvice(String(r.expected.route), r.repo, r.report.nextSteps ?? []),
  );
  return {
    tool: String(report.tool?.version ?? '?'),
    commit: null,
    repos: rows.length,
    fields,
    overall,
    misses,
    datasets,
    auc: auc(scored('standout'), scored('herd')),
    ranking,
    offRoute,
    notes,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!folder) {
    console.error(
      'usage: npm run eval -- <folder of checkouts> [--labels eval/labels] [--second eval/labels-b] [--report audit.json] [--save-report audit.json] [--misses MISSES.md] [--jobs 2] [--json]',
    );
    process.exit(2);
  }
  const labels = readLabels(arg(args, 'labels') ?? 'eval/labels');
  const notes: string[] = [];
  const paths: string[] = [];
  for (const l of labels) {
    const dir = resolve(folder, folderName(l.repo));
    if (!existsSync(dir)) {
      notes.push(`${l.repo}: no checkout at ${dir}`);
      continue;
    }
    const head = headOf(dir);
    if (head !== l.commit) notes.push(`${l.repo}: checkout at ${head ?? '?'}, labels are for ${l.commit}`);
    paths.push(dir);
  }
  const reportPath = arg(args, 'report');
  const report = reportPath
    ? JSON.parse(readFileSync(reportPath, 'utf8'))
    : audit(paths, Number(arg(args, 'jobs') ?? 2));
  const save = arg(args, 'save-report');
  if (save && !reportPath) writeFileSync(save, `${JSON.stringify(report)}\n`);
  const byRepo = new Map<string, Json>();
  for (const r of report.repos ?? []) {
    const name = basename(String(r.root ?? r.path));
    byRepo.set(name.replace('+', '/'), r);
  }
  const result = evaluate(labels, report, byRepo);
  result.notes.unshift(...notes);
  try {
    const root = fileURLToPath(new URL('..', import.meta.url));
    result.commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    result.commit = null;
  }

  const secondDir = arg(args, 'second');
  if (secondDir) {
    const second = readLabels(secondDir);
    const first = new Map(labels.map((l) => [l.repo, l]));
    const rows = second
      .filter((b) => first.has(b.repo))
      .map((b) => ({ repo: b.repo, expected: first.get(b.repo)!.labels, actual: b.labels as Labels }));
    const compared = agreement([...FACT_FIELDS, 'class'], rows);
    result.second = {
      labeller: second[0]?.labeller ?? basename(secondDir),
      repos: rows.length,
      fields: compared.fields,
      overall: compared.overall,
      disagreements: compared.misses,
    };
  }

  const misses = arg(args, 'misses');
  if (misses) writeFileSync(misses, missesMarkdown(result));

  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const d = result.datasets;
  const lines = [
    `unherd ${result.tool}${result.commit ? ` (${result.commit})` : ''} on ${result.repos} labelled repositories`,
    '',
    fieldTable(result.fields, TARGETS.field),
    '',
    `overall fact agreement   ${pct(result.overall)}  (target ${pct(TARGETS.overall)})`,
    `stock datasets           recall ${pct(d.recall)}, precision ${pct(d.precision)}  (${d.truePositives} found, ${d.falseNegatives} missed, ${d.falsePositives} extra; target ${pct(TARGETS.datasetRecall)})`,
    `ranking AUC              ${result.auc === null ? '—' : result.auc.toFixed(3)} standout over herd  (target ${TARGETS.auc})`,
    `off-route next steps     ${result.offRoute.length}${result.offRoute.map((o) => `\n  ${o.repo} (${o.route}): ${o.check} ${o.advice}`).join('')}`,
  ];
  if (result.second) {
    const s = result.second;
    lines.push(
      '',
      `inter-labeller agreement (${s.labeller}, ${s.repos} repositories): ${pct(s.overall)}`,
      '',
      fieldTable(s.fields, TARGETS.field),
      '',
      `disagreements (${s.disagreements.length}):`,
      ...s.disagreements.map((m) => `  ${m.repo} ${m.field}: ${show(m.expected)} vs ${show(m.actual)}`),
    );
  }
  if (result.notes.length > 0) lines.push('', 'notes:', ...result.notes.map((n) => `  ${n}`));
  if (misses) lines.push('', `misses written to ${misses}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
