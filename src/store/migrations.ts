import { type Kysely, type Migration, type MigrationProvider, sql } from '../vendor/kysely.js';

/**
 * The store's schema, as code: each migration is applied once, in name order, when a store is
 * opened (Kysely's Migrator records them in `kysely_migration`). Never edit a migration that has
 * shipped; add the next one. The same DDL runs on SQLite and PostgreSQL (docs/adr/0006-store.md).
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

const m0001: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('repos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identity', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('first_seen', 'bigint', (c) => c.notNull())
      .addColumn('latest_run_id', 'text')
      .addColumn('latest_at', 'bigint')
      .execute();
    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('repo_id', 'text', (c) => c.notNull().references('repos.id'))
      .addColumn('recorded_at', 'bigint', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('commit_sha', 'text')
      .addColumn('worktree', 'text', (c) => c.notNull())
      .addColumn('tool_version', 'text', (c) => c.notNull())
      .addColumn('config_hash', 'text', (c) => c.notNull())
      .addColumn('cache_key', 'text', (c) => c.notNull())
      .addColumn('report_schema', 'text', (c) => c.notNull())
      .addColumn('score', 'integer')
      .addColumn('error', 'text')
      .addColumn('red_flags', 'integer', (c) => c.notNull())
      .addColumn('red_flag_list', 'text', (c) => c.notNull())
      .addColumn('stock_dataset_ids', 'text', (c) => c.notNull())
      .addColumn('stock_datasets', 'integer', (c) => c.notNull())
      .addColumn('herd', 'text', (c) => c.notNull())
      .addColumn('route', 'text')
      .addColumn('last_activity', 'bigint')
      .addColumn('commits', 'integer')
      .addColumn('active_days', 'integer')
      .addColumn('tests', 'integer')
      .addColumn('ci', 'integer')
      .addColumn('data_files', 'integer')
      .addColumn('custom_data', 'integer')
      .addColumn('facts', 'text')
      .addColumn('report', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('runs_repo_time').on('runs').columns(['repo_id', 'recorded_at']).execute();
    await db.schema.createIndex('runs_cache_key').on('runs').column('cache_key').execute();
    await db.schema.createIndex('runs_score').on('runs').column('score').execute();
    await db.schema
      .createTable('run_principles')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('repo_id', 'text', (c) => c.notNull())
      .addColumn('principle', 'text', (c) => c.notNull())
      .addColumn('score', 'real')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('run_principles_pk', ['run_id', 'principle'])
      .execute();
    await db.schema
      .createIndex('run_principles_score')
      .on('run_principles')
      .columns(['principle', 'score'])
      .execute();
    await db.schema
      .createTable('run_checks')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('check_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('principle', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('findings', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('run_checks_pk', ['run_id', 'check_code'])
      .execute();
    await db.schema
      .createIndex('run_checks_outcome')
      .on('run_checks')
      .columns(['check_code', 'outcome'])
      .execute();
    await db.schema
      .createTable('run_tags')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('run_tags_pk', ['run_id', 'tag'])
      .execute();
    await db.schema.createIndex('run_tags_tag').on('run_tags').column('tag').execute();
  },
};

/**
 * Schema 2: a repository's membership of each tag, with its latest run under that tag, so a
 * cohort page is one join whatever else the repository was audited for. Filled from schema 1's
 * tagged runs.
 */
const m0002: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('repo_tags')
      .addColumn('repo_id', 'text', (c) => c.notNull().references('repos.id'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('latest_run_id', 'text', (c) => c.notNull())
      .addColumn('latest_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('repo_tags_pk', ['repo_id', 'tag'])
      .execute();
    await db.schema.createIndex('repo_tags_tag').on('repo_tags').columns(['tag', 'latest_at']).execute();
    await sql`
      INSERT INTO repo_tags (repo_id, tag, latest_run_id, latest_at)
      SELECT r.repo_id, t.tag, r.id, r.recorded_at
      FROM run_tags t JOIN runs r ON r.id = t.run_id
      WHERE NOT EXISTS (
        SELECT 1 FROM run_tags t2 JOIN runs r2 ON r2.id = t2.run_id
        WHERE t2.tag = t.tag AND r2.repo_id = r.repo_id
          AND (r2.recorded_at > r.recorded_at OR (r2.recorded_at = r.recorded_at AND r2.id > r.id))
      )`.execute(db);
  },
};

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-runs': m0001,
  '0002-repo-tags': m0002,
};

/** The schema version a store is at once every migration here has run. */
export const STORE_SCHEMA_VERSION = Object.keys(MIGRATIONS).length;

export function migrationsUpTo(last: string): Record<string, Migration> {
  return Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= last));
}

export const inCodeProvider = (migrations: Record<string, Migration>): MigrationProvider => ({
  getMigrations: async () => migrations,
});
