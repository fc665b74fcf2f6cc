import { existsSync } from 'node:fs';
import type { RepoReport } from '../engine/report.js';
import { UnherdError } from '../errors.js';
import { isPrincipleId, PRINCIPLE_IDS, type PrincipleId } from '../principles.js';
import type {
  CohortQuery,
  CohortRow,
  CohortStats,
  CohortView,
  DashboardData,
  PrincipleCell,
  RepoHistory,
  RunSummary,
  TagCount,
} from '../server/data.js';
import { SCORE_BANDS } from '../server/data.js';
import {
  CompiledQuery,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from '../vendor/kysely.js';
import { defaultStorePath, isPostgresUrl } from './connect.js';
import type { StoreDatabase } from './schema.js';
import { openStore } from './store.js';
import { fromJson, toIso, toIsoOrNull, toNumber, toNumberOrNull } from './values.js';

/**
 * The dashboard's reads (src/server/data.ts), in SQL that runs unchanged on SQLite and PostgreSQL.
 * A cohort is each repository's latest run (under a tag: its latest run with that tag), joined
 * through the `latest_run_id` pointers the store keeps, so filtering, sorting, counting and paging
 * are one indexed query each and a page costs its rows, not the cohort. Nothing here writes.
 */

const WEEK_MS = 7 * 86_400_000;
/** 1970-01-05, the first Monday after the epoch: weeks start on Mondays (ISO 8601). */
const FIRST_MONDAY_MS = 4 * 86_400_000;

type Db = Kysely<StoreDatabase>;

/** `u` is the latest run, `r` the repository. */
function latestRuns(db: Db, tag: string | null) {
  if (tag === null) {
    return db.selectFrom('repos as r').innerJoin('runs as u', 'u.id', 'r.latest_run_id');
  }
  return db
    .selectFrom('repo_tags as rt')
    .innerJoin('repos as r', 'r.id', 'rt.repo_id')
    .innerJoin('runs as u', 'u.id', 'rt.latest_run_id')
    .where('rt.tag', '=', tag);
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own characters taken literally. */
function contains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

type Latest = ReturnType<typeof latestRuns>;

// biome-ignore lint/suspicious/noExplicitAny: the filtered builder keeps its joined tables' types
function filtered<Q extends SelectQueryBuilder<any, any, any>>(query: Q, q: CohortQuery): Q {
  let out = query as unknown as Latest;
  if (q.redFlags) out = out.where('u.red_flags', '>', 0);
  if (q.band !== null) {
    const band = SCORE_BANDS[q.band];
    out = out.where('u.score', '>=', band.min).where('u.score', '<=', band.max);
  }
  if (q.route !== null) out = out.where('u.route', '=', q.route);
  if (q.dataset === '*') out = out.where('u.stock_datasets', '>', 0);
  else if (q.dataset !== null) {
    const pattern = contains(JSON.stringify(q.dataset));
    out = out.where(sql<SqlBool>`u.stock_dataset_ids like ${pattern} escape '\\'`);
  }
  if (q.search !== null) {
    const pattern = contains(q.search);
    out = out.where(
      sql<SqlBool>`(lower(r.name) like ${pattern} escape '\\' or lower(r.identity) like ${pattern} escape '\\')`,
    );
  }
  if (q.below !== null) {
    const { principle, score } = q.below;
    out = out.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('run_principles as p')
          .select(sql`1`.as('one'))
          .whereRef('p.run_id', '=', 'u.id')
          .where('p.principle', '=', principle)
          .where('p.score', '<', score),
      ),
    );
  }
  return out as unknown as Q;
}

function direction(q: CohortQuery) {
  return q.dir === 'asc' ? sql`asc` : sql`desc`;
}

/** Sorted as asked, unscored and undated last either way, then by name for a stable order. */
function sorted(query: ReturnType<typeof selectRow>, q: CohortQuery) {
  const dir = direction(q);
  let key: Expression<unknown>;
  switch (q.sort) {
    case 'name':
      key = sql`lower(r.name)`;
      break;
    case 'flags':
      key = sql`u.red_flags`;
      break;
    case 'activity':
      key = sql`u.last_activity`;
      break;
    case 'recorded':
      key = sql`u.recorded_at`;
      break;
    case 'principle':
      key = sql`(select p.score from run_principles p where p.run_id = u.id and p.principle = ${q.sortPrinciple ?? ''})`;
      break;
    default:
      key = sql`u.score`;
  }
  return query.orderBy(sql`${key} ${dir} nulls last`).orderBy(sql`lower(r.name)`).orderBy('r.id');
}

function selectRow(query: Latest) {
  return query.select([
    'r.id as repoId',
    'r.name as name',
    'r.identity as identity',
    'u.id as runId',
    'u.recorded_at as recordedAt',
    'u.commit_sha as commit',
    'u.score as score',
    'u.red_flag_list as redFlags',
    'u.route as route',
    'u.herd as herd',
    'u.last_activity as lastActivity',
    'u.error as error',
  ]);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectRow>['execute']>>[number];

const PRINCIPLE_ORDER = new Map(PRINCIPLE_IDS.map((id, i) => [id, i]));

/** Sub-scores of the given runs, core and bonus principles in product order. */
async function principlesOf(db: Db, runIds: readonly string[]): Promise<Map<string, PrincipleCell[]>> {
  const out = new Map<string, PrincipleCell[]>();
  // Chunks keep under SQLite's bound-parameter limit for a large export.
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('run_principles')
      .select(['run_id', 'principle', 'score'])
      .where('run_id', 'in', chunk)
      .where('kind', '!=', 'unscored')
      .execute();
    for (const row of rows) {
      if (!isPrincipleId(row.principle)) continue;
      const cells = out.get(row.run_id) ?? [];
      cells.push({ principle: row.principle, score: toNumberOrNull(row.score) });
      out.set(row.run_id, cells);
    }
  }
  for (const cells of out.values()) {
    cells.sort((a, b) => (PRINCIPLE_ORDER.get(a.principle) ?? 99) - (PRINCIPLE_ORDER.get(b.principle) ?? 99));
  }
  return out;
}

function toRow(raw: RawRow, principles: Map<string, PrincipleCell[]>): CohortRow {
  return {
    repoId: raw.repoId,
    name: raw.name,
    identity: raw.identity,
    runId: raw.runId,
    recordedAt: toIso(raw.recordedAt),
    commit: raw.commit,
    score: toNumberOrNull(raw.score),
    principles: principles.get(raw.runId) ?? [],
    redFlags: fromJson<string[]>(raw.redFlags),
    route: raw.route,
    herd: fromJson<string[]>(raw.herd),
    lastActivity: toIsoOrNull(raw.lastActivity),
    error: raw.error,
  };
}

/** One page of rows, in the query's order. */
export async function cohortPage(db: Db, q: CohortQuery): Promise<CohortRow[]> {
  const raws = await sorted(selectRow(filtered(latestRuns(db, q.tag), q)), q)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const principles = await principlesOf(
    db,
    raws.map((r) => r.runId),
  );
  return raws.map((r) => toRow(r, principles));
}

/** A page and the whole filtered cohort's numbers: the cohort page's one read. */
export async function cohortView(db: Db, q: CohortQuery): Promise<CohortView> {
  const [rows, stats] = await Promise.all([cohortPage(db, q), cohortStats(db, q)]);
  return { rows, stats };
}

export async function* cohortRows(db: Db, q: CohortQuery): AsyncIterable<CohortRow> {
  const batch = 1000;
  const base = filtered(latestRuns(db, q.tag), q);
  for (let offset = 0; ; offset += batch) {
    const raws = await sorted(selectRow(base), q).limit(batch).offset(offset).execute();
    const principles = await principlesOf(
      db,
      raws.map((r) => r.runId),
    );
    for (const raw of raws) yield toRow(raw, principles);
    if (raws.length < batch) return;
  }
}

export async function cohortStats(db: Db, q: CohortQuery): Promise<CohortStats> {
  const base = filtered(latestRuns(db, q.tag), q);
  const bin = sql<number>`case when u.score is null then -1 when u.score >= 90 then 9 else cast(u.score / 10 as integer) end`;
  const week = sql<number>`cast((w.recorded_at - ${FIRST_MONDAY_MS}) / ${WEEK_MS} as integer)`;
  const repoIds = base.select('r.id');
  let runsOfCohort = db
    .selectFrom('runs as w')
    .select([
      'w.repo_id',
      week.as('week'),
      sql<number>`case when w.commit_sha is null or w.commit_sha <> coalesce(lag(w.commit_sha) over (partition by w.repo_id order by w.recorded_at, w.id), '') then 1 else 0 end`.as(
        'fresh',
      ),
    ])
    .where('w.repo_id', 'in', repoIds);
  if (q.tag !== null) {
    const tag = q.tag;
    runsOfCohort = runsOfCohort.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('run_tags as t')
          .select(sql`1`.as('one'))
          .whereRef('t.run_id', '=', 'w.id')
          .where('t.tag', '=', tag),
      ),
    );
  }
  // One pass over the filtered latest runs gives the total, the score bands and (without a
  // dataset filter) the stock datasets: each pass over runs reads its wide rows once.
  const scan = (query: CohortQuery) =>
    filtered(latestRuns(db, query.tag), query)
      .select([
        bin.as('bin'),
        sql<string | null>`case when u.stock_datasets > 0 then u.stock_dataset_ids end`.as('ids'),
        sql<string | null>`case when u.stock_datasets > 0 then u.herd end`.as('herd'),
      ])
      .execute();
  const latestIds = base.select('u.id');
  const [cohort, withoutDataset, missed, weeks] = await Promise.all([
    scan(q),
    q.dataset === null ? null : scan({ ...q, dataset: null }),
    db
      .selectFrom('run_principles as p')
      .where('p.kind', '=', 'core')
      .where('p.run_id', 'in', latestIds)
      .select([
        'p.principle as principle',
        sql<number>`sum(case when p.score < 5 then 1 else 0 end)`.as('below'),
        sql<number>`count(p.score)`.as('scored'),
      ])
      .groupBy('p.principle')
      .execute(),
    db
      .selectFrom(runsOfCohort.as('c'))
      .select(['c.week', (eb) => eb.fn.countAll().as('runs'), sql<number>`sum(c.fresh)`.as('fresh')])
      .groupBy('c.week')
      .orderBy('c.week')
      .execute(),
  ]);

  const scoreBins = Array.from({ length: 10 }, () => 0);
  let unscored = 0;
  for (const row of cohort) {
    const i = toNumber(row.bin);
    if (i < 0) unscored += 1;
    else scoreBins[i] = (scoreBins[i] ?? 0) + 1;
  }
  const names = new Map<string, { name: string; repos: number }>();
  for (const d of withoutDataset ?? cohort) {
    if (d.ids === null) continue;
    const ids = fromJson<string[]>(d.ids);
    // The store lists stock datasets first in `herd`, in the same order as their ids.
    const herd = d.herd === null ? [] : fromJson<string[]>(d.herd);
    ids.forEach((id, i) => {
      const entry = names.get(id) ?? { name: herd[i] ?? id, repos: 0 };
      entry.repos += 1;
      names.set(id, entry);
    });
  }
  return {
    total: cohort.length,
    scoreBins,
    unscored,
    missed: missed
      .filter((m): m is typeof m & { principle: PrincipleId } => isPrincipleId(m.principle))
      .map((m) => ({ principle: m.principle, below: toNumber(m.below ?? 0), scored: toNumber(m.scored) }))
      .sort(
        (a, b) =>
          b.below / Math.max(1, b.scored) - a.below / Math.max(1, a.scored) ||
          a.principle.localeCompare(b.principle),
      ),
    weeks: everyWeek(
      weeks.map((w) => ({ index: toNumber(w.week), runs: toNumber(w.runs), fresh: toNumber(w.fresh ?? 0) })),
    ),
    datasets: [...names.entries()]
      .map(([id, d]) => ({ id, name: d.name, repos: d.repos }))
      .sort((a, b) => b.repos - a.repos || a.name.localeCompare(b.name)),
  };
}

/** Weeks from the first to the last with runs, the quiet ones included, so gaps show as gaps. */
function everyWeek(weeks: readonly { index: number; runs: number; fresh: number }[]): CohortStats['weeks'] {
  if (weeks.length === 0) return [];
  const byIndex = new Map(weeks.map((w) => [w.index, w]));
  const first = weeks[0]!.index;
  const last = weeks[weeks.length - 1]!.index;
  const out: CohortStats['weeks'] = [];
  for (let i = first; i <= last; i++) {
    const w = byIndex.get(i);
    out.push({
      week: new Date(i * WEEK_MS + FIRST_MONDAY_MS).toISOString().slice(0, 10),
      runs: w?.runs ?? 0,
      newCommits: w?.fresh ?? 0,
    });
  }
  return out;
}

export async function tagCounts(db: Db): Promise<TagCount[]> {
  const rows = await db
    .selectFrom('repo_tags')
    .select(['tag', (eb) => eb.fn.countAll().as('n')])
    .groupBy('tag')
    .orderBy('tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, repos: toNumber(r.n) }));
}

export async function repoHistory(db: Db, repoId: string): Promise<RepoHistory | null> {
  const repo = await db
    .selectFrom('repos')
    .select(['id', 'name', 'identity'])
    .where('id', '=', repoId)
    .executeTakeFirst();
  if (!repo) return null;
  const [runs, tags, principles] = await Promise.all([
    db
      .selectFrom('runs')
      .select(['id', 'recorded_at', 'commit_sha', 'tool_version', 'score'])
      .where('repo_id', '=', repoId)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('repo_tags').select('tag').where('repo_id', '=', repoId).orderBy('tag').execute(),
    db
      .selectFrom('run_principles')
      .select(['run_id', 'principle', 'score'])
      .where('repo_id', '=', repoId)
      .where('kind', '!=', 'unscored')
      .execute(),
  ]);
  const byRun = new Map<string, PrincipleCell[]>();
  for (const p of principles) {
    if (!isPrincipleId(p.principle)) continue;
    const cells = byRun.get(p.run_id) ?? [];
    cells.push({ principle: p.principle, score: toNumberOrNull(p.score) });
    byRun.set(p.run_id, cells);
  }
  return {
    repoId: repo.id,
    name: repo.name,
    identity: repo.identity,
    tags: tags.map((t) => t.tag),
    runs: runs.map(
      (r): RunSummary => ({
        runId: r.id,
        recordedAt: toIso(r.recorded_at),
        commit: r.commit_sha,
        toolVersion: r.tool_version,
        score: toNumberOrNull(r.score),
        principles: byRun.get(r.id) ?? [],
      }),
    ),
  };
}

export async function runReport(db: Db, repoId: string, runId: string): Promise<RepoReport | null> {
  const row = await db
    .selectFrom('runs')
    .select('report')
    .where('id', '=', runId)
    .where('repo_id', '=', repoId)
    .executeTakeFirst();
  return row ? fromJson<RepoReport>(row.report) : null;
}

/** The dashboard's read interface over an open store's database. */
export function dashboardData(db: Db): DashboardData {
  return {
    tags: () => tagCounts(db),
    cohort: (q) => cohortView(db, q),
    cohortRows: (q) => cohortRows(db, q),
    repo: (id) => repoHistory(db, id),
    report: (repoId, runId) => runReport(db, repoId, runId),
  };
}

export interface DashboardStore {
  data: DashboardData;
  /** The file path, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the store for the dashboard: `target` as `--db` gives it, else the embedded default. An
 * SQLite file that does not exist is not created (serving is no reason to make a store): the
 * message says how to record runs first.
 */
export async function openDashboardData(
  target: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<DashboardStore> {
  const where = target ?? defaultStorePath(env);
  if (!isPostgresUrl(where) && !existsSync(where)) {
    throw new UnherdError(
      'USAGE',
      `no store at ${where}`,
      'record runs first, e.g. `unherd audit <repos…> --tag <cohort>`, or give one with --db',
    );
  }
  const store = await openStore(where);
  if (store.dialect === 'sqlite') {
    // The runs table keeps each report inline, so a cohort scan touches wide rows; reading the
    // file through a memory map instead of a read call per page makes that scan several times faster.
    await sql`pragma mmap_size = 1073741824`.execute(store.db);
  }
  const data = dashboardData(store.db);
  if (store.dialect === 'postgres') {
    // Read through the queue's own status door (src/queue/status.ts), on the store's connection:
    // it only reads, and finds nothing (null) where no queue was ever set up.
    data.queue = async () => {
      const { queueStatusIfPresent } = await import('../queue/status.js');
      return queueStatusIfPresent({
        query: async <R>(text: string, values: unknown[] = []) => ({
          rows: (await store.db.executeQuery(CompiledQuery.raw(text, values))).rows as R[],
        }),
      });
    };
  }
  return { data, location: store.location, close: () => store.close() };
}
