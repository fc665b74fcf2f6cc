/**
 * Queue bench: generated repositories (local git folders) enqueued with `unherd audit --queue` and
 * audited by 1, 2 and 4 `unherd worker` processes (one audit at a time each) over a fresh PostgreSQL
 * database per run. Baseline in the same run: `unherd audit -j N` over the same folders, no queue.
 *
 *   npm run bench:queue -- [--repos 1000] [--workers 1,2,4] [--only CODES] [--no-baseline]
 *
 * Reports, per worker count: wall time, throughput, the ratio to the baseline, and the medians of
 * each job's time in queue operations (fetch + complete), in the store (lock, cache check, write)
 * and in the audit, read from the workers' own log lines. Needs PostgreSQL at 127.0.0.1:5432 (or
 * UNHERD_TEST_PG); creates and drops its own databases.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '../test/helpers/queue-db.js';

const { values } = parseArgs({
  options: {
    repos: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '1,2,4' },
    only: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const count = Number(values.repos);
const workerCounts = values.workers.split(',').map(Number);
const only = values.only ? ['--only', values.only] : [];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/unherd.js');
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

function git(cwd: string, args: string[], date: string): void {
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'ignore',
    env: {
      ...GIT_ENV,
      GIT_AUTHOR_NAME: 'Bench Candidate',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'Bench Candidate',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

/** A small project with 6 dated commits, copied `count` times; each copy gets its own commit. */
function generate(root: string): string[] {
  const template = join(root, 'template');
  mkdirSync(join(template, 'tests'), { recursive: true });
  writeFileSync(
    join(template, 'README.md'),
    '# Bike demand\n\nForecasting hourly bike rentals from the weather.\n\n## Run\n\n`python -m src_step_0`\n\n## Results\n\nMAE 41 rides per hour.\n',
  );
  writeFileSync(join(template, 'requirements.txt'), 'pandas==2.2.0\nscikit-learn==1.4.0\n');
  writeFileSync(join(template, 'tests', 'test_steps.py'), 'def test_step():\n    assert 1 + 1 == 2\n');
  git(template, ['init', '-q'], '2024-01-01T12:00:00Z');
  for (let c = 0; c < 6; c++) {
    writeFileSync(join(template, `src_step_${c}.py`), `def step_${c}(x):\n    return x + ${c}\n`);
    git(template, ['add', '-A'], `2024-01-0${c + 1}T12:00:00Z`);
    git(template, ['commit', '-qm', `Add step ${c}`], `2024-01-0${c + 1}T12:00:00Z`);
  }
  return Array.from({ length: count }, (_, i) => {
    const dir = join(root, 'cohort', `candidate-${String(i).padStart(4, '0')}`);
    cpSync(template, dir, { recursive: true });
    writeFileSync(join(dir, 'NOTES.md'), `Candidate ${i}\n`);
    git(dir, ['add', '-A'], '2024-02-01T12:00:00Z');
    git(dir, ['commit', '-qm', `Notes for candidate ${i}`], '2024-02-01T12:00:00Z');
    return dir;
  });
}

function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

interface Timing {
  fetch: number;
  source: number;
  audit: number;
  record: number;
  complete: number;
}

const LINE =
  /recorded .* in (\d+) ms: fetch ([\d.]+), source ([\d.]+), audit ([\d.]+), record ([\d.]+), complete ([\d.]+)/;

function timingsOf(log: string): Timing[] {
  return log
    .split('\n')
    .map((l) => LINE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      fetch: Number(m[2]),
      source: Number(m[3]),
      audit: Number(m[4]),
      record: Number(m[5]),
      complete: Number(m[6]),
    }));
}

async function completed(db: { query: (t: string) => Promise<{ n: number }[]> }): Promise<number> {
  const rows = await db.query(
    `SELECT count(*)::int AS n FROM unherd_queue.job WHERE name = 'unherd-audit' AND state IN ('completed', 'failed')`,
  );
  return rows[0]?.n ?? 0;
}

const root = mkdtempSync(join(tmpdir(), 'unherd-bench-queue-'));
// The baseline `audit` records its history by default: into a folder of the bench's, not the user's.
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  XDG_DATA_HOME: join(root, 'data'),
  XDG_CACHE_HOME: join(root, 'cache'),
};
delete ENV.UNHERD_DB;
/** The 1-minute load average: the machine may be shared, and every figure depends on it. */
const load = () => loadavg()[0]!.toFixed(1);
try {
  const t0 = performance.now();
  const paths = generate(root);
  const list = join(root, 'cohort.txt');
  writeFileSync(list, `${paths.join('\n')}\n`);
  console.log(`generated ${count} repositories in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const rows: string[] = [];
  for (const n of workerCounts) {
    const loadBefore = load();
    let baselineS = Number.NaN;
    if (!values['no-baseline']) {
      const b0 = performance.now();
      const base = spawnSync(
        process.execPath,
        [BIN, 'audit', '-q', '-j', String(n), '--format', 'json', ...only, '--from', list],
        {
          cwd: ROOT,
          env: ENV,
          stdio: ['ignore', 'ignore', 'pipe'],
          maxBuffer: 1 << 30,
        },
      );
      if (base.status !== 0) throw new Error(`baseline audit failed: ${base.stderr}`);
      baselineS = (performance.now() - b0) / 1000;
    }

    const db = await createTestDatabase('unherd_bench_');
    const children: ChildProcess[] = [];
    try {
      const e0 = performance.now();
      const enq = spawnSync(
        process.execPath,
        [BIN, 'audit', '--queue', '--db', db.url, '-q', ...only, '--from', list],
        {
          cwd: ROOT,
          env: ENV,
          encoding: 'utf8',
        },
      );
      if (enq.status !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
      const enqueueMs = performance.now() - e0;

      const logs: string[] = [];
      const w0 = performance.now();
      for (let i = 0; i < n; i++) {
        const child = spawn(
          process.execPath,
          [BIN, 'worker', '--db', db.url, '--concurrency', '1', '--poll', '0.5', '--allow-local', root],
          { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        logs[i] = '';
        child.stderr!.on('data', (c: Buffer) => {
          logs[i] += c.toString('utf8');
        });
        children.push(child);
      }
      while ((await completed(db)) < count) await new Promise((r) => setTimeout(r, 200));
      const wallS = (performance.now() - w0) / 1000;
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              c.on('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
      const timings = logs.flatMap(timingsOf);
      const queueOps = timings.map((t) => t.fetch + t.complete);
      const auditSum = timings.reduce((s, t) => s + t.audit, 0) / 1000;
      // Everything a worker process spent besides auditing, per job: start-up, polling, clone/HEAD, store, queue.
      const nonAuditPerJob = ((wallS * n - auditSum) / timings.length) * 1000;
      rows.push(
        [
          `${n}`,
          `${(enqueueMs / 1000).toFixed(1)}`,
          `${wallS.toFixed(1)}`,
          `${(count / wallS).toFixed(1)}`,
          Number.isNaN(baselineS) ? 'n/a' : `${baselineS.toFixed(1)} (${(wallS / baselineS).toFixed(2)}×)`,
          `${median(queueOps).toFixed(1)} / ${percentile(queueOps, 90).toFixed(1)}`,
          `${median(timings.map((t) => t.fetch)).toFixed(1)}`,
          `${median(timings.map((t) => t.complete)).toFixed(1)}`,
          `${median(timings.map((t) => t.record)).toFixed(1)}`,
          `${median(timings.map((t) => t.audit)).toFixed(0)}`,
          `${nonAuditPerJob.toFixed(0)}`,
          `${loadBefore} → ${load()}`,
        ].join(' | '),
      );
      console.log(`${n} worker(s): ${timings.length} results logged, ${wallS.toFixed(1)} s`);
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      await db.drop();
    }
  }

  console.log(
    `\n${count} repositories${values.only ? ` (--only ${values.only})` : ''}; times in seconds unless ms\n`,
  );
  console.log(
    '| workers | enqueue s | wall s | audits/s | baseline `audit -j N` s (queue ÷ baseline) | queue ops ms median / p90 | fetch ms | complete ms | store write ms | audit ms | non-audit ms per job | load average (1 min) before → after |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r} |`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
