/**
 * `npm run bench:serve`: the dashboard's server-side render time over a 5,000-repository cohort.
 *
 * Builds a fresh SQLite store of SERVE_BENCH_REPOS repositories (default 5,000; a tenth audited
 * twice) from the two example repositories' real reports, varied with a seeded generator (names,
 * scores, sub-scores, red flags, stock datasets, dates, tags), and a 50-repository store built the
 * same way as the baseline. Then it serves both over HTTP in this process and times each page
 * (median of 15 after 3 warm-ups), reporting the ratio to the baseline measured in the same run.
 * Target: the cohort page at 5,000 repositories under 300 ms (median).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditPaths, TOOL_VERSION } from '../src/engine/audit.js';
import type { HerdSummary, RepoReport } from '../src/engine/report.js';
import { startDashboard } from '../src/server/listen.js';
import { DEFAULT_QUERY } from '../src/server/query.js';
import { openDashboardData } from '../src/store/dashboard-queries.js';
import { openStore, type Store } from '../src/store/index.js';
import { Random } from './bench/random.js';

const REPOS = Number(process.env.SERVE_BENCH_REPOS ?? 5000);
const BASELINE_REPOS = 50;
const TARGET_MS = 300;
const RUNS = 15;
const WARMUP = 3;
const ROOT = new URL('..', import.meta.url).pathname;

const DATASETS: HerdSummary[] = [
  ['titanic', 'Kaggle Titanic'],
  ['iris', 'Iris'],
  ['mnist', 'MNIST'],
  ['house-prices', 'House Prices (Ames)'],
  ['boston-housing', 'Boston Housing'],
].map(([id, name]) => ({ id: id!, name: name!, confidence: 0.9, role: 'flagship', evidence: [] }));
const TOPICS = [
  'bikes',
  'churn',
  'weather',
  'housing',
  'fraud',
  'energy',
  'music',
  'retail',
  'health',
  'traffic',
];

async function templates(): Promise<RepoReport[]> {
  const examples = ['strong-project', 'titanic-upload'].map((n) => join(ROOT, 'examples', n));
  if (!examples.every((p) => existsSync(p))) {
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-example.ts')], {
      stdio: 'ignore',
    });
  }
  const report = await auditPaths(examples, { jobs: 2 });
  return report.repos.filter((r) => r.error === null);
}

function variant(template: RepoReport, i: number, rng: Random): RepoReport {
  const name = `${rng.pick(TOPICS)}-${i}`;
  const stock = rng.chance(0.3) ? [rng.pick(DATASETS)] : [];
  const flags = template.redFlags.slice(0, rng.int(0, template.redFlags.length));
  const last = new Date(Date.UTC(2026, 0, 1) + rng.int(0, 240) * 86_400_000).toISOString();
  return {
    ...template,
    name,
    path: `/cohort/${name}`,
    root: `/cohort/${name}`,
    score: rng.chance(0.02) ? null : rng.int(5, 98),
    principles: template.principles.map((p) =>
      p.score === null ? p : { ...p, score: Math.round(rng.next() * 100) / 10 },
    ),
    redFlags: flags,
    facts: template.facts && {
      ...template.facts,
      stockDatasets: stock,
      git: template.facts.git && { ...template.facts.git, lastCommit: last },
    },
  };
}

async function buildStore(path: string, repos: number, base: RepoReport[]): Promise<Store> {
  const rng = new Random(repos);
  const store = await openStore(path);
  const batch = 250;
  for (let start = 0; start < repos; start += batch) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(repos, start + batch); i++) {
        const report = variant(base[i % base.length]!, i, rng);
        const week = rng.int(0, 11);
        const at = Date.UTC(2026, 2, 2) + week * 7 * 86_400_000 + rng.int(0, 5) * 86_400_000;
        const tags = [i % 3 === 0 ? 'autumn-2025' : 'spring-2026'];
        const key = {
          repo: report.root!,
          commit: `${i}`.padStart(40, 'a'),
          toolVersion: TOOL_VERSION,
          configHash: 'bench',
        };
        await tx.recordRun(report, { key, recordedAt: at, tags });
        if (i % 10 === 0) {
          const again = { ...report, score: report.score === null ? null : Math.min(100, report.score + 4) };
          const later = { ...key, commit: `${i}`.padStart(40, 'b') };
          await tx.recordRun(again, { key: later, recordedAt: at + 21 * 86_400_000, tags });
        }
      }
    });
  }
  return store;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timePage(origin: string, token: string, path: string): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    bytes = body.byteLength;
    if (i >= WARMUP) times.push(ms);
  }
  return { ms: median(times), bytes };
}

const dir = mkdtempSync(join(tmpdir(), 'unherd-bench-serve-'));
try {
  const base = await templates();
  const t0 = performance.now();
  const big = await buildStore(join(dir, 'big.db'), REPOS, base);
  const buildMs = performance.now() - t0;
  const small = await buildStore(join(dir, 'small.db'), BASELINE_REPOS, base);
  const runs = REPOS + Math.ceil(REPOS / 10);
  console.log(
    `store: ${REPOS} repositories, ${runs} runs recorded in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / runs).toFixed(2)} ms a run), ${(statSync(join(dir, 'big.db')).size / 1e6).toFixed(0)} MB`,
  );
  await big.close();
  await small.close();
  // Opened as `unherd serve --db` opens a store.
  const stores = await Promise.all(
    ['big.db', 'small.db'].map((f) => openDashboardData(join(dir, f), process.env)),
  );
  const servers = await Promise.all(
    stores.map((s) => startDashboard({ data: s.data, host: '127.0.0.1', port: 0 })),
  );
  const [bigServer, smallServer] = servers as [(typeof servers)[0], (typeof servers)[0]];
  const bigAddress = new URL(bigServer.url);
  const anyRepo = (await stores[0]!.data.cohort({ ...DEFAULT_QUERY, pageSize: 1 })).rows[0]!.repoId;
  const pages: [string, string][] = [
    ['cohort page (default: by score, 50 rows)', '/cohort'],
    ['cohort sorted by name, page 40', '/cohort?sort=name&page=40'],
    ['cohort by a sub-score, filtered', '/cohort?principle=runnable&below=5&flags=1&sort=principle:own-data'],
    ['cohort of one tag, stock dataset', '/cohort?tag=spring-2026&dataset=titanic'],
    ['cohort page as JSON', '/cohort.json'],
    ['cohort export, every row as CSV', '/cohort.csv'],
    ['repository page', `/repo/${anyRepo}`],
  ];
  let failed = false;
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `\nmedian of ${RUNS} after ${WARMUP} warm-ups; baseline: the same page over ${BASELINE_REPOS} repositories; load average ${load} on ${availableParallelism()} cores`,
  );
  for (const [label, path] of pages) {
    const isRepo = path.startsWith('/repo/');
    const b = await timePage(bigAddress.origin, bigServer.token, path);
    const line = `${label.padEnd(44)} ${b.ms.toFixed(1).padStart(7)} ms  ${(b.bytes / 1024).toFixed(0).padStart(5)} KB`;
    if (isRepo) {
      console.log(line);
      continue;
    }
    const s = await timePage(new URL(smallServer.url).origin, smallServer.token, path);
    console.log(`${line}   baseline ${s.ms.toFixed(1).padStart(6)} ms  ×${(b.ms / s.ms).toFixed(1)}`);
    if (path === '/cohort' && b.ms >= TARGET_MS) failed = true;
  }
  console.log(
    `\ntarget: cohort page at ${REPOS} repositories under ${TARGET_MS} ms: ${failed ? 'MISSED' : 'met'}`,
  );
  process.exitCode = failed ? 1 : 0;
  for (const s of servers) await s.close();
  for (const s of stores) await s.close();
} finally {
  // SERVE_BENCH_KEEP=1 leaves the stores for profiling queries by hand.
  if (process.env.SERVE_BENCH_KEEP === '1') console.log(`stores kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
