/**
 * `npm run bench`: builds a synthetic corpus, then measures in one run the I/O baseline and the real
 * `unherd audit` over the whole corpus (median of N runs, peak RSS), prints a Markdown table and
 * writes bench-out/results.json. See BENCHMARKS.md for what is measured and why.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { type AuditRun, cliPath, runAudit } from './bench/audit-run.js';
import { type BaselineResult, runBaseline } from './bench/baseline.js';
import { type CorpusStats, DEFAULT_CORPUS, generateCorpus } from './bench/corpus.js';
import {
  buildCohort,
  dropCaches,
  measurePair,
  type PairResult,
  pairTable,
  repositoriesIn,
  runCohort,
} from './bench/modes.js';
import { generateShapes, type Shape } from './bench/shapes.js';
import { type BenchSummary, markdownTable, median, TARGETS } from './bench/summary.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    repos: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench-out') },
    help: { type: 'boolean', default: false },
    real: { type: 'string' },
    shapes: { type: 'boolean', default: false },
    'shapes-dir': { type: 'string' },
    cohort: { type: 'string' },
    'cohort-dir': { type: 'string' },
    repolinter: { type: 'string' },
    'no-cold': { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`usage: npm run bench -- [--quick] [--repos N] [--runs N] [--corpus DIR] [--keep] [--out DIR]
  --quick        60 repositories of up to 100 commits, one run (about a minute)
  --repos N      corpus size (default ${DEFAULT_CORPUS.repos})
  --runs N       timed runs of baseline and audit; the median is reported (default 3)
  --corpus DIR   build the corpus in DIR, or reuse it if it already holds repositories; kept afterwards
  --keep         keep the temporary corpus and print where it is
  --real DIR     the git repositories under DIR (e.g. /work/real) instead of the corpus, warm and cold cache
  --shapes       generated shapes real repositories have, each against its own baseline, warm and cold
  --shapes-dir D build the shapes in D, or reuse them
  --cohort N     N repositories streamed with --format jsonl: peak RSS, time to the first line, HTML size
  --cohort-dir D build the cohort in D, or reuse it
  --repolinter B time repolinter (the binary B, default rules, one repository at a time) on --real
  --no-cold      skip the cold-cache runs (they need root to empty the page cache)`);
  process.exit(0);
}

function positive(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${flag} needs a positive whole number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
}

const repos = positive(args.repos, args.quick ? 60 : DEFAULT_CORPUS.repos, '--repos');
const runs = positive(args.runs, args.quick ? 1 : 3, '--runs');
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function corpus(): Promise<{
  stats: CorpusStats | null;
  dirs: string[];
  root: string;
  temporary: boolean;
}> {
  const root = args.corpus ? resolve(args.corpus) : mkdtempSync(join(tmpdir(), 'unherd-bench-'));
  mkdirSync(root, { recursive: true });
  const existing = readdirSync(root)
    .filter((n) => n.startsWith('repo-'))
    .sort()
    .map((n) => join(root, n));
  if (args.corpus && existing.length > 0) {
    console.error(`reusing ${existing.length} repositories in ${root}`);
    return { stats: null, dirs: existing.slice(0, repos), root, temporary: false };
  }
  const started = process.hrtime.bigint();
  const stats = await generateCorpus(root, {
    repos,
    maxCommits: args.quick ? 100 : DEFAULT_CORPUS.maxCommits,
    // At least two huge sparse files even in a small corpus: memory must not follow data size.
    sparseEvery: Math.min(DEFAULT_CORPUS.sparseEvery, Math.max(1, Math.floor(repos / 2))),
    concurrency: availableParallelism() * 2,
  });
  console.error(
    `built ${repos} repositories (${stats.commits} commits, ${stats.trackedFiles} files, ` +
      `${(stats.trackedBytes / 1e6).toFixed(0)} MB tracked, ${stats.sparseFiles} sparse CSV of ` +
      `${(DEFAULT_CORPUS.sparseBytes / 1024 ** 3).toFixed(0)} GiB) in ${seconds(started).toFixed(1)} s`,
  );
  return { stats, dirs: stats.repos, root, temporary: !args.corpus };
}

async function main(): Promise<void> {
  const { stats, dirs, root, temporary } = await corpus();
  const bin = cliPath(ROOT);
  mkdirSync(args.out!, { recursive: true });

  // Untimed warm-up: both sides then find the corpus in the page cache.
  await runBaseline(dirs);
  const baselineMs: number[] = [];
  const audits: AuditRun[] = [];
  let baseline: BaselineResult | null = null;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    baseline = await runBaseline(dirs);
    baselineMs.push(seconds(t) * 1000);
    if (bin) {
      const run = await runAudit(bin, dirs, args.out!);
      audits.push(run);
      console.error(
        `run ${r + 1}/${runs}: baseline ${(baselineMs[r]! / 1000).toFixed(2)} s, audit ${(run.ms / 1000).toFixed(2)} s, ` +
          `peak RSS ${run.peakRssKb === null ? '?' : (run.peakRssKb / 1024).toFixed(0)} MB, exit ${run.exitCode}`,
      );
    } else {
      console.error(`run ${r + 1}/${runs}: baseline ${(baselineMs[r]! / 1000).toFixed(2)} s (no built CLI)`);
    }
  }

  const complete = audits.filter((a) => a.reposReported === dirs.length);
  const auditProblem = !bin
    ? 'bin/unherd.js or dist/cli/main.js missing; run npm run build'
    : complete.length < audits.length
      ? `${audits.length - complete.length} run(s) did not report every repository: ${audits.at(-1)?.stderrTail ?? ''}`
      : null;
  const auditMedianMs = complete.length > 0 ? median(complete.map((a) => a.ms)) : null;
  const baselineMedianMs = median(baselineMs);
  const rss = complete.map((a) => a.peakRssKb).filter((v): v is number => v !== null);
  const summary: BenchSummary = {
    repos: dirs.length,
    runs,
    baselineMedianMs,
    auditMedianMs,
    ratio: auditMedianMs === null ? null : auditMedianMs / baselineMedianMs,
    peakRssMb: rss.length > 0 ? Math.max(...rss) / 1024 : null,
    auditErrors: auditProblem,
  };

  const table = markdownTable(summary);
  console.log(table);
  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: process.platform,
    },
    corpus: stats
      ? { ...stats, repos: stats.repos.length, root: undefined }
      : { repos: dirs.length, reused: root },
    caps: {
      sourceBytes: DEFAULT_LIMITS.maxFileBytes,
      notebookBytes: DEFAULT_LIMITS.maxNotebookBytes,
      dataSniffBytes: DEFAULT_LIMITS.sniffBytes,
      baselineConcurrency: availableParallelism(),
    },
    targets: TARGETS,
    baseline: { runsMs: baselineMs, medianMs: baselineMedianMs, last: baseline },
    audit: {
      runs: audits.map(({ stderrTail, ...run }) => ({ ...run, stderrTail: stderrTail || undefined })),
      medianMs: auditMedianMs,
      problem: auditProblem,
    },
    summary,
    table,
  };
  writeFileSync(join(args.out!, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.error(`wrote ${join(args.out!, 'results.json')}`);
  if (temporary && !args.keep) rmSync(root, { recursive: true, force: true });
  else console.error(`corpus kept in ${root}`);
}

/** `--real`, `--shapes`, `--cohort`: the modes that measure other sets than the corpus. */
async function otherModes(): Promise<boolean> {
  if (!args.real && !args.shapes && !args.cohort) return false;
  const bin = cliPath(ROOT);
  if (!bin) throw new Error('bin/unherd.js or dist/cli/main.js missing; run npm run build');
  mkdirSync(args.out!, { recursive: true });
  const caches: ('warm' | 'cold')[] = ['warm'];
  if (!args['no-cold']) {
    if (dropCaches()) caches.push('cold');
    else console.error('cannot empty the page cache (needs root): cold runs skipped');
  }
  const results: Record<string, unknown> = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
  };
  if (args.real) {
    const dirs = repositoriesIn(args.real);
    const rows: PairResult[] = [];
    for (const cache of caches)
      rows.push(await measurePair('real repositories', bin, dirs, runs, cache, args.out!, args.repolinter));
    results.real = { folder: resolve(args.real), rows };
    console.log(`\n${pairTable(rows, 1.5)}`);
  }
  if (args.shapes) {
    const root = args['shapes-dir']
      ? resolve(args['shapes-dir'])
      : mkdtempSync(join(tmpdir(), 'unherd-shapes-'));
    const shapes = existsSync(join(root, 'long-history')) ? shapeList(root) : await generateShapes(root);
    const rows: PairResult[] = [];
    for (const shape of shapes)
      for (const cache of caches)
        rows.push(await measurePair(shape.name, bin, [shape.dir], runs, cache, args.out!));
    results.shapes = { shapes, rows };
    console.log(`\n${pairTable(rows, 2)}`);
    if (!args['shapes-dir']) rmSync(root, { recursive: true, force: true });
  }
  if (args.cohort) {
    const n = positive(args.cohort, 10_000, '--cohort');
    const root = args['cohort-dir']
      ? resolve(args['cohort-dir'])
      : mkdtempSync(join(tmpdir(), 'unherd-cohort-'));
    const t = process.hrtime.bigint();
    const dirs = await buildCohort(root, n);
    console.error(`cohort of ${dirs.length} ready in ${seconds(t).toFixed(1)} s`);
    const run = await runCohort(bin, root, dirs, args.out!);
    results.cohort = run;
    console.log(
      `\n| cohort, --format jsonl | value | target |\n| --- | --- | --- |\n` +
        `| repositories (lines written) | ${run.repos} (${run.lines}, ${run.errors} with an error) | |\n` +
        `| wall time | ${(run.ms / 1000).toFixed(1)} s (${(run.repos / (run.ms / 1000)).toFixed(1)} repos/s) | |\n` +
        `| first line after | ${run.firstLineMs === null ? '–' : `${(run.firstLineMs / 1000).toFixed(2)} s`} | within seconds |\n` +
        `| peak RSS | ${run.peakRssMb === null ? '?' : `${run.peakRssMb.toFixed(0)} MB`} | < 300 MB |\n` +
        `| HTML report of 1,000 repositories | ${run.html1000Bytes === null ? '?' : `${(run.html1000Bytes / 1e6).toFixed(1)} MB`} | |`,
    );
    if (!args['cohort-dir']) rmSync(root, { recursive: true, force: true });
  }
  writeFileSync(join(args.out!, 'modes.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.error(`wrote ${join(args.out!, 'modes.json')}`);
  return true;
}

function shapeList(root: string): Shape[] {
  return readdirSync(root)
    .filter((n) => existsSync(join(root, n, '.git')))
    .sort()
    .map((name) => ({ name, what: name, dir: join(root, name) }));
}

if (!(await otherModes())) await main();
