import type { RepoReport } from '../engine/report.js';
import { describeError, UnherdError } from '../errors.js';
import type { PrincipleId } from '../principles.js';
import { CompiledQuery, type Kysely, sql } from '../vendor/kysely.js';
import { compareRuns, type RunChanges, type RunSnapshot } from './changes.js';
import { type Connection, connect, type Dialect } from './connect.js';
import { cacheKeyOf, type RunKey, repoIdOf } from './key.js';
import { migrateToLatest } from './migrate.js';
import { type RecordedRun, type RecordMeta, recordRunIn, tagRunIn } from './record.js';
import type { StoreDatabase } from './schema.js';
import { fromJson, toIso, toNumber, toNumberOrNull } from './values.js';

export interface SqlResult {
  rows: Record<string, unknown>[];
}

/** A run found by its cache key. */
export interface CachedRun {
  runId: string;
  repoId: string;
  recordedAt: string;
  report: RepoReport;
}

/** The facts a history follows over time. */
export interface HistoryFacts {
  commits: number | null;
  activeDays: number | null;
  tests: boolean | null;
  ci: boolean | null;
  dataFiles: number | null;
  customData: boolean | null;
  redFlags: number;
}

export interface HistoryRun {
  runId: string;
  commit: string | null;
  /** ISO 8601. */
  recordedAt: string;
  toolVersion: string;
  score: number | null;
  principles: { principle: PrincipleId; score: number | null }[];
  facts: HistoryFacts;
  tags: string[];
  error: string | null;
  /** What moved since the run before; null for the first run. */
  changes: RunChanges | null;
}

export interface RepoHistory {
  repoId: string;
  identity: string;
  name: string;
  tags: string[];
  /** Oldest first. */
  runs: HistoryRun[];
}

/** Writing and cache look-ups: the same on the store and inside one of its transactions. */
export interface RunWriter {
  /** Records one audited repository. */
  recordRun(report: RepoReport, meta: RecordMeta): Promise<RecordedRun>;
  /** The latest run with exactly this key (same commit, working tree, tool version, config), or null. */
  findCached(key: RunKey): Promise<CachedRun | null>;
  has(key: RunKey): Promise<boolean>;
  /** Adds cohort tags to a run already recorded. */
  tagRun(runId: string, tags: readonly string[]): Promise<void>;
}

/**
 * One transaction of the store. `executeSql` runs any statement on the transaction's own
 * connection: pg-boss's `complete(name, id, data, { db: { executeSql } })` completes a job in the
 * same transaction that records its result.
 */
export interface StoreTransaction extends RunWriter {
  executeSql(text: string, values?: readonly unknown[]): Promise<SqlResult>;
}

export interface Store extends RunWriter {
  readonly dialect: Dialect;
  /** The file path, or the URL without its password. */
  readonly location: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** The whole report of a cached key, or null. */
  report(key: RunKey): Promise<RepoReport | null>;
  /** The most recent run of a repository (by identity), with the snapshot `changes` are made from. */
  latestRunOf(identity: string): Promise<{ runId: string; snapshot: RunSnapshot } | null>;
  /** A repository's runs, oldest first, each with what changed since the one before; by identity or id. */
  history(identityOrId: string): Promise<RepoHistory | null>;
  /** Every tag with the number of repositories recorded under it. */
  tags(): Promise<{ tag: string; repos: number }[]>;
  /** The run's whole report, with `changes` since the run before it. */
  runReport(runId: string): Promise<RepoReport | null>;
  /** The Kysely instance, for the store's own query modules (dashboard queries). */
  readonly db: Kysely<StoreDatabase>;
  close(): Promise<void>;
}

/** What `changes` compares: a report as a snapshot. */
export function snapshotOf(report: RepoReport, recordedAt: string, commit: string | null): RunSnapshot {
  return {
    recordedAt,
    commit,
    score: report.score,
    principles: report.principles.map((p) => ({ principle: p.principle, score: p.score })),
    checks: report.checks.map((c) => ({
      check: c.check,
      title: c.title,
      principle: c.principle,
      outcome: c.outcome,
    })),
  };
}

function writer(db: Kysely<StoreDatabase>): RunWriter {
  const findCached = async (key: RunKey): Promise<CachedRun | null> => {
    if (key.commit === null) return null;
    const row = await db
      .selectFrom('runs')
      .select(['id', 'repo_id', 'recorded_at', 'report'])
      .where('cache_key', '=', cacheKeyOf(key))
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    return {
      runId: row.id,
      repoId: row.repo_id,
      recordedAt: toIso(row.recorded_at),
      report: fromJson<RepoReport>(row.report),
    };
  };
  return {
    recordRun: (report, meta) => recordRunIn(db, report, meta),
    findCached,
    has: async (key) => (await findCached(key)) !== null,
    async tagRun(runId, tags) {
      const run = await db
        .selectFrom('runs')
        .select(['repo_id', 'recorded_at'])
        .where('id', '=', runId)
        .executeTakeFirst();
      if (!run) throw new UnherdError('NOT_FOUND', `no run ${runId} in the store`);
      await tagRunIn(db, runId, run.repo_id, toNumber(run.recorded_at), tags);
    },
  };
}

/** PostgreSQL's `$1` placeholders, for SQLite: each becomes `?` with its value in place. */
function positional(text: string, values: readonly unknown[]): [string, unknown[]] {
  const params: unknown[] = [];
  const statement = text.replace(/\$(\d+)/g, (_, n: string) => {
    params.push(values[Number(n) - 1]);
    return '?';
  });
  return [statement, params];
}

/** An SQLite error another process can cause while it makes the same schema: worth another try. */
function isContention(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/** Opening a new SQLite store while another process creates it can collide; try again. */
async function withContentionRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isContention(err) || attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 100));
    }
  }
}

/**
 * Opens a store: a `postgres://` URL, or the path of an SQLite file (created with its folder on
 * first use). The schema is migrated to this version's on open; a store written by a newer
 * version is refused.
 */
export async function openStore(target: string): Promise<Store> {
  const conn = connect(target);
  try {
    await withContentionRetry(() => migrateToLatest(conn.db, conn.location));
  } catch (err) {
    await conn.db.destroy().catch(() => {});
    if (err instanceof UnherdError) throw err;
    throw new UnherdError('UNREADABLE', `cannot open the store ${conn.location}: ${describeError(err)}`);
  }
  return storeOver(conn);
}

function storeOver(conn: Connection): Store {
  const { db, dialect } = conn;
  const base = writer(db);

  const transaction = async <T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> =>
    // One reserved connection and our own BEGIN: SQLite's must be IMMEDIATE, so two processes
    // queue for the write lock (busy timeout) instead of one failing when it upgrades a read.
    db.connection().execute(async (c) => {
      await sql.raw(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(c);
      try {
        const tx: StoreTransaction = {
          ...writer(c),
          async executeSql(text, values = []) {
            const [statement, params] = dialect === 'sqlite' ? positional(text, values) : [text, [...values]];
            const result = await c.executeQuery(CompiledQuery.raw(statement, params));
            return { rows: result.rows as Record<string, unknown>[] };
          },
        };
        const value = await work(tx);
        await sql.raw('COMMIT').execute(c);
        return value;
      } catch (err) {
        await sql
          .raw('ROLLBACK')
          .execute(c)
          .catch(() => {});
        throw err;
      }
    });

  const checksOf = async (runIds: readonly string[]) => {
    if (runIds.length === 0) return new Map<string, RunSnapshot['checks']>();
    const rows = await db
      .selectFrom('run_checks')
      .select(['run_id', 'check_code', 'title', 'principle', 'outcome'])
      .where('run_id', 'in', runIds)
      .orderBy('check_code')
      .execute();
    const map = new Map<string, RunSnapshot['checks']>();
    for (const r of rows) {
      const list = map.get(r.run_id) ?? [];
      list.push({
        check: r.check_code,
        title: r.title,
        principle: r.principle as PrincipleId,
        outcome: r.outcome,
      });
      map.set(r.run_id, list);
    }
    return map;
  };
  const principlesOf = async (runIds: readonly string[]) => {
    const map = new Map<string, RunSnapshot['principles']>();
    if (runIds.length === 0) return map;
    const rows = await db
      .selectFrom('run_principles')
      .select(['run_id', 'principle', 'score'])
      .where('run_id', 'in', runIds)
      .execute();
    for (const r of rows) {
      const list = map.get(r.run_id) ?? [];
      list.push({ principle: r.principle as PrincipleId, score: toNumberOrNull(r.score) });
      map.set(r.run_id, list);
    }
    return map;
  };

  const findRepo = async (identityOrId: string) =>
    db
      .selectFrom('repos')
      .selectAll()
      .where((eb) => eb.or([eb('identity', '=', identityOrId), eb('id', '=', identityOrId)]))
      .executeTakeFirst();

  const snapshotsOf = async (
    runs: readonly { id: string; recorded_at: unknown; commit_sha: string | null; score: number | null }[],
  ): Promise<Map<string, RunSnapshot>> => {
    const ids = runs.map((r) => r.id);
    const [checks, principles] = await Promise.all([checksOf(ids), principlesOf(ids)]);
    return new Map(
      runs.map((r) => [
        r.id,
        {
          recordedAt: toIso(r.recorded_at),
          commit: r.commit_sha,
          score: toNumberOrNull(r.score),
          principles: principles.get(r.id) ?? [],
          checks: checks.get(r.id) ?? [],
        },
      ]),
    );
  };

  return {
    dialect,
    location: conn.location,
    db,
    ...base,
    transaction,
    // Writes always take a transaction, so a run is never half recorded.
    recordRun: (report, meta) => transaction((tx) => tx.recordRun(report, meta)),
    tagRun: (runId, tags) => transaction((tx) => tx.tagRun(runId, tags)),
    async report(key) {
      return (await base.findCached(key))?.report ?? null;
    },

    async latestRunOf(identity) {
      const row = await db
        .selectFrom('runs')
        .select(['id', 'recorded_at', 'commit_sha', 'score'])
        .where('repo_id', '=', repoIdOf(identity))
        .where('error', 'is', null)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      const snapshots = await snapshotsOf([row]);
      return { runId: row.id, snapshot: snapshots.get(row.id)! };
    },

    async history(identityOrId) {
      const repo = await findRepo(identityOrId);
      if (!repo) return null;
      const runs = await db
        .selectFrom('runs')
        .select([
          'id',
          'recorded_at',
          'commit_sha',
          'tool_version',
          'score',
          'error',
          'commits',
          'active_days',
          'tests',
          'ci',
          'data_files',
          'custom_data',
          'red_flags',
        ])
        .where('repo_id', '=', repo.id)
        .orderBy('recorded_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      const tagRows = await db
        .selectFrom('run_tags')
        .innerJoin('runs', 'runs.id', 'run_tags.run_id')
        .select(['run_tags.run_id', 'run_tags.tag'])
        .where('runs.repo_id', '=', repo.id)
        .execute();
      const snapshots = await snapshotsOf(runs);
      const bool = (v: unknown) => (v === null || v === undefined ? null : toNumber(v) === 1);
      let previous: RunSnapshot | null = null;
      const out: HistoryRun[] = runs.map((r) => {
        const snapshot = snapshots.get(r.id)!;
        const changes = previous && snapshot.score !== null ? compareRuns(previous, snapshot) : null;
        // A run that could not audit the repository is no baseline for the next one.
        if (r.error === null) previous = snapshot;
        return {
          runId: r.id,
          commit: r.commit_sha,
          recordedAt: toIso(r.recorded_at),
          toolVersion: r.tool_version,
          score: toNumberOrNull(r.score),
          principles: snapshot.principles,
          facts: {
            commits: toNumberOrNull(r.commits),
            activeDays: toNumberOrNull(r.active_days),
            tests: bool(r.tests),
            ci: bool(r.ci),
            dataFiles: toNumberOrNull(r.data_files),
            customData: bool(r.custom_data),
            redFlags: toNumber(r.red_flags),
          },
          tags: tagRows
            .filter((t) => t.run_id === r.id)
            .map((t) => t.tag)
            .sort(),
          error: r.error,
          changes,
        };
      });
      return {
        repoId: repo.id,
        identity: repo.identity,
        name: repo.name,
        tags: [...new Set(tagRows.map((t) => t.tag))].sort(),
        runs: out,
      };
    },

    async tags() {
      const rows = await db
        .selectFrom('repo_tags')
        .select((eb) => ['tag', eb.fn.countAll().as('repos')])
        .groupBy('tag')
        .orderBy('tag')
        .execute();
      return rows.map((r) => ({ tag: r.tag, repos: toNumber(r.repos) }));
    },

    async runReport(runId) {
      const row = await db
        .selectFrom('runs')
        .select(['id', 'repo_id', 'recorded_at', 'commit_sha', 'score', 'report', 'error'])
        .where('id', '=', runId)
        .executeTakeFirst();
      if (!row) return null;
      const report = fromJson<RepoReport>(row.report);
      const before = await db
        .selectFrom('runs')
        .select(['id', 'recorded_at', 'commit_sha', 'score'])
        .where('repo_id', '=', row.repo_id)
        .where('error', 'is', null)
        .where((eb) =>
          eb.or([
            eb('recorded_at', '<', row.recorded_at),
            eb.and([eb('recorded_at', '=', row.recorded_at), eb('id', '<', row.id)]),
          ]),
        )
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (before && report.score !== null) {
        const snapshots = await snapshotsOf([before]);
        report.changes = compareRuns(
          snapshots.get(before.id)!,
          snapshotOf(report, toIso(row.recorded_at), row.commit_sha),
        );
      }
      return report;
    },

    async close() {
      await db.destroy();
    },
  };
}
