/**
 * The tables as Kysely sees them (see docs/store.md for what each column means). Written so one
 * migration serves SQLite and PostgreSQL: text ids made by the application, times as epoch
 * milliseconds in a `bigint`, JSON as text, booleans as 0/1. What comes back differently from the
 * two drivers (counts and bigints as strings from pg, JSON as text) is normalised in values.ts.
 */
export interface RepoTable {
  /** Short hash of `identity`: stable, URL-safe. */
  id: string;
  /** Normalised remote URL, else the absolute path. */
  identity: string;
  name: string;
  first_seen: number | string;
  /** The run recorded with the latest `recorded_at`. */
  latest_run_id: string | null;
  latest_at: number | string | null;
}

export interface RunTable {
  id: string;
  repo_id: string;
  /** Epoch milliseconds. */
  recorded_at: number | string;
  /** The path or URL as the user gave it. */
  input: string;
  name: string;
  commit_sha: string | null;
  /** `clean`, or a hash of the uncommitted changes. */
  worktree: string;
  tool_version: string;
  config_hash: string;
  /** Hash of identity, commit, worktree, tool version and config: what the cache looks up. */
  cache_key: string;
  /** Report schema version the `report` column was written with. */
  report_schema: string;
  score: number | null;
  error: string | null;
  red_flags: number;
  /** JSON array of the red-flag sentences. */
  red_flag_list: string;
  /** JSON array of stock-dataset catalogue ids; `stock_datasets` counts them. */
  stock_dataset_ids: string;
  stock_datasets: number;
  /** JSON array of herd names (stock datasets and capstones). */
  herd: string;
  route: string | null;
  /** Epoch milliseconds of the last commit seen, or null. */
  last_activity: number | string | null;
  commits: number | null;
  active_days: number | null;
  tests: number | null;
  ci: number | null;
  data_files: number | null;
  custom_data: number | null;
  /** The published facts, JSON. */
  facts: string | null;
  /** The whole RepoReport, JSON (without `changes`, which is derived when read). */
  report: string;
}

export interface RunPrincipleTable {
  run_id: string;
  repo_id: string;
  principle: string;
  /** 0–10, null when not scored. */
  score: number | null;
  kind: string;
}

export interface RunCheckTable {
  run_id: string;
  check_code: string;
  title: string;
  principle: string;
  severity: string;
  outcome: string;
  /** How many findings the check reported in this run. */
  findings: number;
}

export interface RunTagTable {
  run_id: string;
  tag: string;
}

/** A repository's membership of a tag (cohort), with its latest run recorded under that tag. */
export interface RepoTagTable {
  repo_id: string;
  tag: string;
  latest_run_id: string;
  latest_at: number | string;
}

export interface StoreDatabase {
  repos: RepoTable;
  runs: RunTable;
  run_principles: RunPrincipleTable;
  run_checks: RunCheckTable;
  run_tags: RunTagTable;
  repo_tags: RepoTagTable;
  kysely_migration: { name: string; timestamp: string };
}
