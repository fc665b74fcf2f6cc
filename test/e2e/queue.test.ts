import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/engine/report.js';
import { type GitServer, publishRepo, startGitServer } from '../helpers/git-server.js';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../helpers/queue-db.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/unherd.js');
const skip = await postgresSkipReason();

function unherd(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking this process: the git server of these tests runs in it, and a
 * synchronous spawn would leave it unable to answer the clones it is waiting for.
 */
function unherdAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

interface Worker {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

/** `unherd worker` in its own process, with leases and maintenance short enough for a test. */
function startWorker(url: string, args: string[]): Worker {
  const child = spawn(
    process.execPath,
    [BIN, 'worker', '--db', url, '--poll', '0.5', '--maintenance', '1', ...args],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, log: () => log, exited };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  logs: () => string = () => '',
  // Generous: the machine running the tests may be shared and slow; a pass is usually far quicker.
  timeoutMs = 300_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Recorded runs per repository, straight from the store's table. */
async function recordedPerRepo(db: TestDatabase): Promise<Map<string, number>> {
  const rows = await db.query<{ repo: string; n: number }>(
    `SELECT input AS repo, count(*)::int AS n FROM runs GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.repo, r.n]));
}

async function jobCounts(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.query<{ state: string; n: number }>(
    `SELECT state::text, count(*)::int AS n FROM unherd_queue.job WHERE name = 'unherd-audit' GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** `count` small git repositories under one root: a template built once, copied, each made distinct. */
function cohort(count: number): { root: string; paths: string[] } {
  const template = repo(
    {
      'README.md': '# Bike demand\n\nPredicting hourly bike demand from the weather.\n',
      'requirements.txt': 'pandas==2.2.0\n',
      'src/model.py': 'import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n',
    },
    { commits: spreadCommits('2024-01-01', 30, 3) },
  );
  const root = tempDir('unherd-cohort-');
  const paths = Array.from({ length: count }, (_, i) => {
    const dir = join(root, `candidate-${String(i).padStart(3, '0')}`);
    cpSync(template, dir, { recursive: true });
    writeFileSync(join(dir, 'NOTES.md'), `Candidate ${i}\n`);
    return dir;
  });
  return { root, paths };
}

describe('distributed audits on PostgreSQL', { skip: skip ?? false }, () => {
  const databases: TestDatabase[] = [];
  const workers: Worker[] = [];
  const database = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };
  const logs = () => workers.map((w) => w.log().slice(-3000)).join('\n---\n');
  const worker = (url: string, args: string[]) => {
    const w = startWorker(url, args);
    workers.push(w);
    return w;
  };

  after(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    for (const db of databases) await db.drop();
  });

  it('audits 200 repositories with two workers, one killed mid-run: each has exactly one result', async () => {
    const db = await database();
    const { root, paths } = cohort(200);
    const listFile = join(root, 'cohort.txt');
    writeFileSync(listFile, `${paths.join('\n')}\n`);
    const enqueued = unherd([
      'audit',
      '--queue',
      '--db',
      db.url,
      '--tag',
      'spring',
      '--from',
      listFile,
      '--lease',
      '4',
      '--retries',
      '3',
      '--retry-delay',
      '1',
      '--format',
      'json',
      '-q',
      // One readme check: the queue is under test here, not the audit, and the machine is shared.
      '--only',
      'RD101',
    ]);
    assert.equal(enqueued.status, 0, enqueued.stderr);
    assert.equal(JSON.parse(enqueued.stdout).counts.queued, 200);

    const args = ['--concurrency', '2', '--allow-local', root, '--grace', '1'];
    const doomed = worker(db.url, args);
    const survivor = worker(db.url, args);
    // Kill one worker once it has done some of the work and holds jobs.
    await until(
      'the first results',
      async () => {
        const done = [...(await recordedPerRepo(db).catch(() => new Map<string, number>())).values()].length;
        return done >= 30 && done < 170;
      },
      logs,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const finished = await until(
      'every job to finish',
      async () => {
        const counts = await jobCounts(db);
        return (counts.completed ?? 0) + (counts.failed ?? 0) === 200 ? counts : null;
      },
      logs,
    );
    assert.deepEqual(finished, { completed: 200 }, 'no job failed for good');
    const recorded = await recordedPerRepo(db);
    assert.equal(recorded.size, 200, 'none lost');
    for (const path of paths) assert.equal(recorded.get(path), 1, `exactly one result for ${path}`);

    // Enqueueing the same cohort again audits nothing again.
    const again = unherd([
      'audit',
      '--queue',
      '--db',
      db.url,
      '--from',
      listFile,
      '--format',
      'json',
      '-q',
      '--only',
      'RD101',
    ]);
    assert.equal(again.status, 0, again.stderr);
    const counts = JSON.parse(again.stdout).counts;
    assert.equal(counts.queued, 0);
    assert.equal(counts['already-queued'] + counts.recorded, 200);

    const status = unherd(['queue', 'status', '--db', db.url, '--format', 'json']);
    assert.equal(status.status, 0, status.stderr);
    const json = JSON.parse(status.stdout);
    assert.equal(json.done, 200);
    assert.equal(json.failed, 0);
    assert.deepEqual(json.deadLetter, []);
    assert.deepEqual(json.tags, [{ tag: 'spring', queued: 0, active: 0, done: 200, failed: 0 }]);

    survivor.child.kill('SIGTERM');
    assert.equal(await survivor.exited, 0);
    assert.match(survivor.log(), /stopped: \d+ recorded/);
  });

  // Terminating a worker's connections used to end it about one time in three (a checked-out
  // client emitted 'error' with no listener), and a result whose write lost its connection waited
  // for its lease. Now the worker survives and writes the result again on a new connection.
  it('recovers when its database connections are terminated mid-run', async () => {
    const db = await database();
    const { root, paths } = cohort(30);
    const w = worker(db.url, ['--concurrency', '2', '--allow-local', root, '--grace', '1']);
    const enqueued = unherd([
      'audit',
      '--queue',
      '--db',
      db.url,
      '--lease',
      '10',
      '--retry-delay',
      '1',
      '-q',
      '--only',
      'RD101',
      ...paths,
    ]);
    assert.equal(enqueued.status, 0, enqueued.stderr);
    // Terminates the worker's connections, once it has some: just after the first time it may
    // still be reconnecting.
    const terminate = () =>
      until(
        'the worker to hold connections to terminate',
        async () => {
          const killed = await db.query<{ n: number }>(
            `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
             WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [db.name],
          );
          return killed[0]!.n > 0;
        },
        logs,
      );
    // Twice, at different points of the run, so more than one moment of a job is hit.
    await until('the first results', async () => (await recordedPerRepo(db)).size >= 5, logs);
    await terminate();
    await until('more results', async () => (await recordedPerRepo(db)).size >= 12, logs);
    await terminate();
    await until('every job to finish', async () => ((await jobCounts(db)).completed ?? 0) === 30, logs);
    const recorded = await recordedPerRepo(db);
    for (const path of paths) assert.equal(recorded.get(path), 1, `exactly one result for ${path}`);
    assert.equal(w.child.exitCode, null, 'the worker is still running');
  });

  describe('against a git server', () => {
    const served = tempDir('unherd-served-');
    let server: GitServer;
    before(async () => {
      publishRepo(served, 'tiny', { 'main.py': 'print(1)\n' }, spreadCommits('2024-01-01', 10, 2));
      publishRepo(served, 'slow', { 'main.py': 'print(2)\n' }, spreadCommits('2024-01-01', 10, 2));
      server = await startGitServer({ root: served });
    });
    after(() => server.close());

    it('dead-letters a missing repository at once and an unreachable one after its retries, with reasons', async () => {
      const db = await database();
      const cache = tempDir('unherd-cache-');
      const tiny = `${server.url}/tiny.git`;
      const missing = `${server.url}/nobody-here.git`;
      // A server that has gone away: the port is closed, so every clone fails at once, as a network error.
      const gone = await startGitServer({ root: served });
      const unreachable = `${gone.url}/tiny.git`;
      await gone.close();
      const w = worker(db.url, ['--concurrency', '2', '--allow-http', '--cache-dir', cache]);
      const waited = await unherdAsync([
        'audit',
        '--queue',
        '--wait',
        '--db',
        db.url,
        '--allow-http',
        '--retries',
        '2',
        '--retry-delay',
        '1',
        '--format',
        'json',
        '-q',
        tiny,
        missing,
        unreachable,
      ]);
      assert.equal(waited.status, 0, `${waited.stderr}\n${w.log()}`);
      const report = JSON.parse(waited.stdout) as Report;
      assert.deepEqual(
        report.repos.map((r) => [r.path, r.error === null]),
        [
          [tiny, true],
          [missing, false],
          [unreachable, false],
        ],
      );
      assert.equal(typeof report.repos[0]!.score, 'number');
      assert.match(report.repos[1]!.error!, /no repository at this address/);
      assert.match(report.repos[2]!.error!, /could not be reached/);

      const status = JSON.parse(
        (await unherdAsync(['queue', 'status', '--db', db.url, '--format', 'json'])).stdout,
      );
      assert.equal(status.done, 1);
      assert.equal(status.failed, 2);
      assert.deepEqual(
        status.deadLetter.map((d: { input: string; reason: string }) => [d.input, d.reason]).sort(),
        [
          [missing, report.repos[1]!.error!],
          [unreachable, report.repos[2]!.error!],
        ].sort(),
      );
      const log = w.log();
      assert.equal(
        log.match(/gave up on .*nobody-here\.git \(attempt 1 of 3\)/g)?.length,
        1,
        'a missing repository is not retried',
      );
      assert.equal(
        log.match(/will retry .*\/tiny\.git \(attempt [12] of 3/g)?.length,
        2,
        'a network error is retried twice',
      );
      assert.equal(
        log.match(/gave up on .*\/tiny\.git \(attempt 3 of 3\)/g)?.length,
        1,
        'and then dead-lettered',
      );
    });

    it('on SIGTERM finishes the job in hand, or hands it back when the grace period runs out', async () => {
      const db = await database();
      const slowServer = await startGitServer({ root: served, delayMs: 800 });
      try {
        const slow = `${slowServer.url}/slow.git`;
        const common = ['--concurrency', '1', '--allow-http', '--clone-timeout', '30'];
        const enqueue = await unherdAsync([
          'audit',
          '--queue',
          '--db',
          db.url,
          '--allow-http',
          '--retry-delay',
          '1',
          '-q',
          slow,
        ]);
        assert.equal(enqueue.status, 0, enqueue.stderr);

        // A short grace period: the clone is still running, so the job goes back to the queue.
        const hasty = worker(db.url, [...common, '--cache-dir', tempDir('unherd-cache-'), '--grace', '0.2']);
        await until('the job to be taken', async () => ((await jobCounts(db)).active ?? 0) === 1, logs);
        hasty.child.kill('SIGTERM');
        assert.equal(await hasty.exited, 0);
        assert.match(hasty.log(), /handed back .*slow\.git/);
        assert.deepEqual(await jobCounts(db), { retry: 1 });

        // A long one: the job in hand is finished and recorded before the worker exits.
        const patient = worker(db.url, [...common, '--cache-dir', tempDir('unherd-cache-'), '--grace', '60']);
        await until('the job to be taken again', async () => ((await jobCounts(db)).active ?? 0) === 1, logs);
        patient.child.kill('SIGTERM');
        assert.equal(await patient.exited, 0);
        assert.match(patient.log(), /recorded .*slow\.git/);
        assert.match(patient.log(), /stopped: 1 recorded/);
        assert.deepEqual(await jobCounts(db), { completed: 1 });
      } finally {
        await slowServer.close();
      }
    });
  });
});

describe('audit --queue without PostgreSQL', () => {
  it('refuses an SQLite --db with a clear usage error', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'r'));
    const result = unherd(['audit', '--queue', '--db', join(dir, 'runs.db'), join(dir, 'r')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /needs a PostgreSQL database/);
    assert.ok(!existsSync(join(dir, 'runs.db')), 'nothing was created');
  });

  it('refuses --wait without --queue', () => {
    const result = unherd(['audit', '--wait', tempDir()]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--wait goes with --queue/);
  });
});
