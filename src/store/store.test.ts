import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { SINGLE_REPO_REPORT } from '../../test/fixtures/sample-report.js';
import { postgresSkipReason, type ScratchDatabase, scratchDatabase } from '../../test/helpers/postgres.js';
import { tempDir } from '../../test/helpers/repo.js';
import type { RepoReport } from '../engine/report.js';
import { openStore, type RunKey, type Store } from './index.js';
import { inCodeProvider, migrationsUpTo, STORE_SCHEMA_VERSION } from './migrations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE: RepoReport = SINGLE_REPO_REPORT.repos[0]!;

const key = (over: Partial<RunKey> = {}): RunKey => ({
  repo: 'https://github.com/ada/bikes',
  commit: 'a'.repeat(40),
  toolVersion: '0.1.0',
  configHash: 'cfg1',
  ...over,
});

/** The sample report with its pinning check fixed and three more points. */
function improved(report: RepoReport): RepoReport {
  return {
    ...report,
    score: (report.score ?? 0) + 3,
    checks: report.checks.map((c) => (c.check === 'ZZ102' ? { ...c, outcome: 'pass' } : c)),
    principles: report.principles.map((p) =>
      p.principle === 'runnable' ? { ...p, score: (p.score ?? 0) + 2 } : p,
    ),
  };
}

/** The store API, the same on both engines. */
function storeContract(name: string, open: () => Promise<Store>, skip: () => string | false) {
  describe(`store on ${name}`, () => {
    let store: Store;
    before(async () => {
      if (skip()) return;
      store = await open();
    });
    after(async () => {
      await store?.close();
    });

    it('records a run and reads it back with numbers, ISO times and parsed JSON', {
      skip: skip(),
    }, async () => {
      const run = await store.recordRun(BASE, {
        key: key(),
        recordedAt: '2026-10-01T10:00:00.000Z',
        tags: ['spring'],
      });
      assert.equal(run.recordedAt, '2026-10-01T10:00:00.000Z');
      const history = await store.history('https://github.com/ada/bikes');
      assert.ok(history);
      assert.equal(history.runs.length, 1);
      const [first] = history.runs;
      assert.equal(first!.score, BASE.score);
      assert.equal(typeof first!.score, 'number');
      assert.equal(first!.recordedAt, '2026-10-01T10:00:00.000Z');
      assert.equal(first!.commit, 'a'.repeat(40));
      assert.equal(first!.changes, null);
      assert.deepEqual(
        first!.principles.map((p) => p.principle).sort(),
        BASE.principles.map((p) => p.principle).sort(),
      );
      assert.equal(first!.facts.commits, BASE.facts?.git?.commitCount ?? null);
      assert.deepEqual(await store.tags(), [{ tag: 'spring', repos: 1 }]);
      // by id as well as by identity
      assert.equal((await store.history(history.repoId))?.identity, 'https://github.com/ada/bikes');
      const report = await store.runReport(first!.runId);
      assert.equal(report?.name, BASE.name);
      assert.deepEqual(report?.findings, BASE.findings);
    });

    it('finds a cached run only under the same commit, working tree, tool version and config', {
      skip: skip(),
    }, async () => {
      assert.equal((await store.findCached(key()))?.report.name, BASE.name);
      assert.equal(await store.has(key({ worktree: 'clean' })), true, 'an absent worktree means clean');
      assert.equal(await store.has(key({ commit: 'b'.repeat(40) })), false);
      assert.equal(await store.has(key({ worktree: 'dirty:1234' })), false);
      assert.equal(await store.has(key({ toolVersion: '0.2.0' })), false);
      assert.equal(await store.has(key({ configHash: 'cfg2' })), false);
      assert.equal(await store.has(key({ repo: 'https://github.com/ada/other' })), false);
      await store.recordRun(BASE, { key: key({ repo: '/tmp/no-git', commit: null }) });
      assert.equal(await store.has(key({ repo: '/tmp/no-git', commit: null })), false, 'no commit, no cache');
    });

    it('says what changed since the previous run, in words from the checks', { skip: skip() }, async () => {
      await store.recordRun(improved(BASE), {
        key: key({ commit: 'c'.repeat(40) }),
        recordedAt: '2026-10-08T10:00:00.000Z',
        tags: ['spring'],
      });
      const history = await store.history('https://github.com/ada/bikes');
      assert.equal(history?.runs.length, 2);
      const changes = history!.runs[1]!.changes;
      assert.ok(changes);
      assert.equal(changes.scoreDelta, 3);
      assert.deepEqual(
        changes.fixed.map((c) => c.check),
        ['ZZ102'],
      );
      assert.deepEqual(changes.broke, []);
      assert.match(changes.summary, /^\+3 \(\d+ → \d+\): now dependencies are pinned$/);
      assert.deepEqual(
        changes.principles.map((p) => p.principle),
        ['runnable'],
      );
      const report = await store.runReport(history!.runs[1]!.runId);
      assert.equal(report?.changes?.summary, changes.summary);
      const latest = await store.latestRunOf('https://github.com/ada/bikes');
      assert.equal(latest?.runId, history!.runs[1]!.runId);
    });

    it('keeps the latest pointers on the latest run when an older run is recorded late', {
      skip: skip(),
    }, async () => {
      const late = await store.recordRun(BASE, {
        key: key({ commit: 'd'.repeat(40) }),
        recordedAt: '2026-09-01T10:00:00.000Z',
        tags: ['spring'],
      });
      const history = await store.history('https://github.com/ada/bikes');
      assert.equal(history?.runs[0]?.runId, late.runId, 'oldest first');
      const latest = await store.latestRunOf('https://github.com/ada/bikes');
      assert.equal(latest?.snapshot.recordedAt, '2026-10-08T10:00:00.000Z');
      const pointer = await store.db
        .selectFrom('repo_tags')
        .select('latest_at')
        .where('tag', '=', 'spring')
        .executeTakeFirstOrThrow();
      assert.equal(Number(pointer.latest_at), Date.parse('2026-10-08T10:00:00.000Z'));
    });

    it('rolls a transaction back whole, and runs raw statements on its own connection', {
      skip: skip(),
    }, async () => {
      await store.transaction(async (tx) => {
        await tx.executeSql('CREATE TABLE side_effects (id integer)');
      });
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.recordRun(BASE, { key: key({ repo: 'https://github.com/ada/rolled-back' }) });
          await tx.executeSql('INSERT INTO side_effects (id) VALUES ($1)', [7]);
          const seen = await tx.executeSql('SELECT id FROM side_effects');
          assert.equal(seen.rows.length, 1, 'the transaction sees its own write');
          throw new Error('job failed');
        }),
        /job failed/,
      );
      assert.equal(await store.history('https://github.com/ada/rolled-back'), null);
      const left = await store.transaction((tx) => tx.executeSql('SELECT id FROM side_effects'));
      assert.equal(left.rows.length, 0);
    });

    it('refuses a store written by a newer version, with a message that says so', {
      skip: skip(),
    }, async () => {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
        store.db,
      );
      await assert.rejects(open(), /written by a newer unherd \(schema 3; this version knows schema 2/);
      await sql`DELETE FROM kysely_migration WHERE name = '9999-from-the-future'`.execute(store.db);
    });
  });
}

function runNode(args: string[]): { done: Promise<string>; kill: () => void; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void;
  const ready = new Promise<void>((r) => {
    markReady = r;
  });
  child.stdout.on('data', (d) => {
    out += d;
    if (out.includes('ready')) markReady();
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<string>((resolve, reject) =>
    child.on('exit', (code, signal) =>
      code === 0 || signal === 'SIGKILL' ? resolve(out) : reject(new Error(`writer exited ${code}: ${err}`)),
    ),
  );
  return { done, kill: () => child.kill('SIGKILL'), ready };
}

const WRITER = 'test/helpers/store-writer.ts';

// Made at load: tempDir's clean-up then runs once the whole file is done.
const sqlitePath = join(tempDir(), 'nested', 'history.db');
storeContract(
  'SQLite',
  () => openStore(sqlitePath),
  () => false,
);

// Known before the tests are declared, so a missing server marks them skipped with its reason.
const pgSkip = await postgresSkipReason();
let scratch: ScratchDatabase | null = null;
before(async () => {
  if (!pgSkip) scratch = await scratchDatabase();
});
after(async () => {
  await scratch?.drop();
});
storeContract(
  'PostgreSQL',
  () => openStore(scratch!.url),
  () => pgSkip ?? false,
);

describe('the SQLite store', () => {
  it('upgrades a store written by the previous schema version', async () => {
    const path = join(tempDir(), 'v1.db');
    // biome-ignore lint/suspicious/noExplicitAny: the schema-1 tables, untyped as an old version wrote them
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(path) }) });
    const migrator = new Migrator({ db: old, provider: inCodeProvider(migrationsUpTo('0001-runs')) });
    const { error } = await migrator.migrateToLatest();
    assert.equal(error, undefined);
    // Rows as schema 1 wrote them: one tagged run.
    await old
      .insertInto('repos')
      .values({
        id: 'r1',
        identity: '/old/repo',
        name: 'repo',
        first_seen: 1,
        latest_run_id: 'run1',
        latest_at: 1000,
      })
      .execute();
    await old
      .insertInto('runs')
      .values({
        id: 'run1',
        repo_id: 'r1',
        recorded_at: 1000,
        input: '/old/repo',
        name: 'repo',
        commit_sha: 'abc',
        worktree: 'clean',
        tool_version: '0.1.0',
        config_hash: 'x',
        cache_key: 'k',
        report_schema: '1.1.0',
        score: 40,
        error: null,
        red_flags: 0,
        red_flag_list: '[]',
        stock_dataset_ids: '[]',
        stock_datasets: 0,
        herd: '[]',
        route: null,
        last_activity: null,
        commits: 3,
        active_days: 2,
        tests: 0,
        ci: 0,
        data_files: 0,
        custom_data: 0,
        facts: null,
        report: JSON.stringify(BASE),
      })
      .execute();
    await old.insertInto('run_tags').values({ run_id: 'run1', tag: 'autumn' }).execute();
    await old.destroy();

    const store = await openStore(path);
    try {
      const applied = await store.db.selectFrom('kysely_migration').select('name').execute();
      assert.equal(applied.length, STORE_SCHEMA_VERSION);
      assert.deepEqual(
        await store.tags(),
        [{ tag: 'autumn', repos: 1 }],
        'schema 2 filled repo_tags from the tagged runs',
      );
      assert.equal((await store.history('/old/repo'))?.runs[0]?.score, 40);
    } finally {
      await store.close();
    }
  });

  it('loses nothing when two processes record into one file at once', async () => {
    const path = join(tempDir(), 'shared.db');
    const a = runNode([WRITER, path, 'alpha', '40']);
    const b = runNode([WRITER, path, 'beta', '40']);
    assert.match(await a.done, /done 40/);
    assert.match(await b.done, /done 40/);
    const store = await openStore(path);
    try {
      const runs = await store.db
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(runs.n), 80);
      const principles = await store.db
        .selectFrom('run_principles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(principles.n), 80 * BASE.principles.length);
      assert.deepEqual(await store.tags(), [
        { tag: 'alpha', repos: 5 },
        { tag: 'beta', repos: 5 },
      ]);
    } finally {
      await store.close();
    }
  });

  it('stays readable and whole after a writer is killed mid-write', async () => {
    const path = join(tempDir(), 'crash.db');
    const writer = runNode([WRITER, path, 'gamma', '0', 'forever']);
    await writer.ready;
    await new Promise((r) => setTimeout(r, 700));
    writer.kill();
    await writer.done;
    const store = await openStore(path);
    try {
      const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
      assert.equal(check.rows[0]?.integrity_check, 'ok');
      const runs = await store.db.selectFrom('runs').select('id').execute();
      assert.ok(runs.length > 0, 'some runs were committed before the kill');
      // Every committed run is whole: its principles and checks are there.
      const partial = await sql<{ n: number }>`
        SELECT count(*) AS n FROM runs r
        WHERE (SELECT count(*) FROM run_principles p WHERE p.run_id = r.id) <> ${BASE.principles.length}
           OR (SELECT count(*) FROM run_checks c WHERE c.run_id = r.id) <> ${BASE.checks.length}`.execute(
        store.db,
      );
      assert.equal(Number(partial.rows[0]?.n), 0);
      await store.recordRun(BASE, { key: key() });
    } finally {
      await store.close();
    }
  });
});

describe('the queue door', () => {
  it('records a run and a side statement in one transaction, or neither', async () => {
    const { openQueueResults } = await import('./queue-support.js');
    const results = await openQueueResults(join(tempDir(), 'queue.db'));
    try {
      const k = key({ repo: 'https://github.com/ada/queued' });
      await results.transaction(async (tx) => {
        await tx.executeSql('CREATE TABLE jobs (id text, state text)');
        await tx.executeSql('INSERT INTO jobs VALUES ($1, $2)', ['j1', 'active']);
      });
      await assert.rejects(
        results.transaction(async (tx) => {
          await tx.record(BASE, k, 'spring');
          await tx.executeSql('UPDATE jobs SET state = $1 WHERE id = $2', ['completed', 'j1']);
          throw new Error('crash before commit');
        }),
      );
      assert.equal(await results.has(k), false);
      await results.transaction(async (tx) => {
        await tx.record(BASE, k, 'spring');
        assert.equal(await tx.has(k), true);
        await tx.executeSql('UPDATE jobs SET state = $1 WHERE id = $2', ['completed', 'j1']);
      });
      assert.equal((await results.report(k))?.name, BASE.name);
      const state = await results.transaction((tx) => tx.executeSql('SELECT state FROM jobs'));
      assert.deepEqual(state.rows, [{ state: 'completed' }]);
    } finally {
      await results.close();
    }
  });
});
