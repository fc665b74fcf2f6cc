/**
 * The bench's other modes: a folder of real repositories (`--real`), generated shapes real
 * repositories have (`--shapes`), and a cohort streamed as JSON Lines (`--cohort N`). Each
 * measures unherd against a baseline taken in the same run, warm and cold page cache apart.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type AuditRun, runAudit } from './audit-run.js';
import { runBaseline } from './baseline.js';
import { generateCorpus } from './corpus.js';
import { median } from './summary.js';

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Empties the page cache (root on Linux); false when not permitted, and the cold runs are skipped. */
export function dropCaches(): boolean {
  try {
    spawnSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

/** The git repositories directly under a folder (e.g. /work/real/<owner+name>), sorted. */
export function repositoriesIn(folder: string): string[] {
  return readdirSync(folder)
    .map((n) => join(resolve(folder), n))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, '.git')))
    .sort();
}

export interface PairResult {
  label: string;
  repos: number;
  cache: 'warm' | 'cold';
  runs: number;
  baselineMs: number[];
  auditMs: number[];
  repolinterMs: number[];
  baselineMedianMs: number;
  auditMedianMs: number;
  ratio: number;
  repolinterMedianMs: number | null;
  peakRssMb: number | null;
  problems: string[];
}

/** repolinter with its default rules, one repository at a time, as its users run it. */
function runRepolinter(bin: string, dirs: readonly string[]): number {
  const t = process.hrtime.bigint();
  for (const dir of dirs) spawnSync(bin, ['lint', dir, '--format', 'json'], { stdio: 'ignore' });
  return seconds(t) * 1000;
}

/**
 * Baseline and audit over the same repositories, interleaved, `runs` times; cold runs empty the
 * page cache before each timed side, warm runs follow an untimed pass that fills it.
 */
export async function measurePair(
  label: string,
  bin: string,
  dirs: readonly string[],
  runs: number,
  cache: 'warm' | 'cold',
  outDir: string,
  repolinter?: string,
): Promise<PairResult> {
  if (cache === 'warm') await runBaseline(dirs);
  const baselineMs: number[] = [];
  const audits: AuditRun[] = [];
  const repolinterMs: number[] = [];
  const problems: string[] = [];
  for (let r = 0; r < runs; r++) {
    if (cache === 'cold') dropCaches();
    const t = process.hrtime.bigint();
    await runBaseline(dirs);
    baselineMs.push(seconds(t) * 1000);
    if (cache === 'cold') dropCaches();
    const run = await runAudit(bin, dirs, outDir);
    audits.push(run);
    if (run.reposReported !== dirs.length)
      problems.push(`run ${r + 1}: ${run.reposReported}/${dirs.length} reported`);
    if (repolinter) {
      if (cache === 'cold') dropCaches();
      repolinterMs.push(runRepolinter(repolinter, dirs));
    }
    console.error(
      `${label} (${cache}) run ${r + 1}/${runs}: baseline ${(baselineMs[r]! / 1000).toFixed(2)} s, ` +
        `audit ${(run.ms / 1000).toFixed(2)} s` +
        (repolinter ? `, repolinter ${(repolinterMs[r]! / 1000).toFixed(2)} s` : ''),
    );
  }
  const auditMs = audits.map((a) => a.ms);
  const rss = audits.map((a) => a.peakRssKb).filter((v): v is number => v !== null);
  return {
    label,
    repos: dirs.length,
    cache,
    runs,
    baselineMs,
    auditMs,
    repolinterMs,
    baselineMedianMs: median(baselineMs),
    auditMedianMs: median(auditMs),
    ratio: median(auditMs) / median(baselineMs),
    repolinterMedianMs: repolinterMs.length > 0 ? median(repolinterMs) : null,
    peakRssMb: rss.length > 0 ? Math.max(...rss) / 1024 : null,
    problems,
  };
}

export function pairTable(rows: readonly PairResult[], maxRatio: number): string {
  const lines = [
    '| set | repos | cache | baseline (median) | unherd audit (median) | audit ÷ baseline | target | repolinter ÷ audit | peak RSS |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const r of rows) {
    const rl = r.repolinterMedianMs === null ? '' : `${(r.repolinterMedianMs / r.auditMedianMs).toFixed(2)}×`;
    lines.push(
      `| ${r.label} | ${r.repos} | ${r.cache} | ${(r.baselineMedianMs / 1000).toFixed(2)} s | ${(r.auditMedianMs / 1000).toFixed(2)} s | ` +
        `${r.ratio.toFixed(2)}× | ≤ ${maxRatio}× ${r.ratio <= maxRatio ? 'met' : 'missed'} | ${rl} | ` +
        `${r.peakRssMb === null ? '?' : `${r.peakRssMb.toFixed(0)} MB`} |`,
    );
  }
  return lines.join('\n');
}

export interface CohortResult {
  repos: number;
  ms: number;
  firstLineMs: number | null;
  lines: number;
  errors: number;
  peakRssMb: number | null;
  html1000Bytes: number | null;
  exitCode: number | null;
}

/**
 * N repositories: symbolic links to a small generated set, so a cohort of 10,000 is ready in
 * seconds. Each link is a separate input and is audited in full (the page cache is warm for all
 * but the first 40, so the time is a best case; memory is what this measures).
 */
export async function buildCohort(root: string, repos: number): Promise<string[]> {
  const base = join(root, 'base');
  const list = join(root, 'cohort');
  const stats = existsSync(join(base, 'repo-0039'))
    ? {
        repos: readdirSync(base)
          .sort()
          .map((n) => join(base, n)),
      }
    : await generateCorpus(base, { repos: 40, maxCommits: 40, sparseEvery: 0, concurrency: 4 });
  mkdirSync(list, { recursive: true });
  const dirs: string[] = [];
  for (let i = 0; i < repos; i++) {
    const dir = join(list, `r${String(i).padStart(5, '0')}`);
    if (!existsSync(dir)) symlinkSync(stats.repos[i % stats.repos.length]!, dir);
    dirs.push(dir);
  }
  writeFileSync(join(root, 'dirs.txt'), `${dirs.join('\n')}\n`);
  return dirs;
}

export async function runCohort(
  bin: string,
  root: string,
  dirs: readonly string[],
  outDir: string,
): Promise<CohortResult> {
  const listFile = join(root, 'dirs.txt');
  const out = join(outDir, 'cohort.jsonl');
  const rssFile = join(outDir, 'cohort-rss.txt');
  const useTime = existsSync('/usr/bin/time');
  const args = [bin, 'audit', '--from', listFile, '--format', 'jsonl', '--quiet', '--no-db'];
  const [command, argv] = useTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, args];
  const started = process.hrtime.bigint();
  let firstLineMs: number | null = null;
  let lines = 0;
  let errors = 0;
  const html: string[] = [];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  const file = createWriteStream(out);
  const reader = createInterface({ input: child.stdout! });
  for await (const line of reader) {
    if (firstLineMs === null) firstLineMs = seconds(started) * 1000;
    lines += 1;
    if (line.includes('"error":"')) errors += 1;
    if (html.length < 1000) html.push(line);
    file.write(`${line}\n`);
  }
  const exitCode = await new Promise<number | null>((r) => {
    if (child.exitCode !== null) r(child.exitCode);
    else child.on('close', r);
  });
  file.end();
  const ms = seconds(started) * 1000;
  let peakRssMb: number | null = null;
  if (useTime && existsSync(rssFile)) {
    const value = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    peakRssMb = Number.isFinite(value) ? value / 1024 : null;
  }
  // The HTML report of the first 1,000 repositories, rendered by the built reporter.
  let html1000Bytes: number | null = null;
  try {
    const { renderHtml } = (await import(resolve(bin, '../../dist/reporters/html.js'))) as {
      renderHtml: (r: unknown) => string;
    };
    const repos = html.map((l) => JSON.parse(l) as { index: number }).sort((a, b) => a.index - b.index);
    for (const r of repos) delete (r as { index?: number }).index;
    html1000Bytes = Buffer.byteLength(
      renderHtml({ schemaVersion: '1', tool: { name: 'unherd', version: 'bench' }, repos }),
    );
  } catch (err) {
    console.error(`could not render the HTML of 1,000 repositories: ${(err as Error).message}`);
  }
  return { repos: dirs.length, ms, firstLineMs, lines, errors, peakRssMb, html1000Bytes, exitCode };
}
