import type { RepoReport } from '../engine/report.js';
import type { PrincipleId } from '../principles.js';
import type { QueueStatus } from '../queue/status.js';

/**
 * What the dashboard reads, and nothing more: the server never sees SQL or a connection. The store
 * implements it (src/store/dashboard-queries.ts), sorting, filtering and paging in SQL, so a page
 * of a 5,000-repository cohort costs one page of rows. Read-only by construction: no method writes.
 */

/** Columns the cohort can be sorted by; `principle` sorts by the sub-score named in `CohortQuery.sortPrinciple`. */
export const SORT_KEYS = ['score', 'name', 'activity', 'flags', 'recorded', 'principle'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Score bands a cohort can be cut into, as a mentor reads them. */
export const SCORE_BANDS = {
  low: { min: 0, max: 39, title: 'below 40' },
  middle: { min: 40, max: 69, title: '40–69' },
  high: { min: 70, max: 100, title: '70 and above' },
} as const;
export type ScoreBand = keyof typeof SCORE_BANDS;

export interface CohortQuery {
  /** Only repositories whose latest run carries this tag; null for every repository. */
  tag: string | null;
  sort: SortKey;
  /** The principle `sort: 'principle'` orders by. */
  sortPrinciple: PrincipleId | null;
  dir: 'asc' | 'desc';
  /** Only repositories scoring below `score` (0–10) on `principle`. */
  below: { principle: PrincipleId; score: number } | null;
  /** Only repositories with at least one red flag. */
  redFlags: boolean;
  /** Only repositories built on this stock dataset (a herd catalogue id), or on any with `'*'`. */
  dataset: string | null;
  band: ScoreBand | null;
  /** Only repositories on this route to standing out (a route id, e.g. `herd`). */
  route: string | null;
  /** Case-insensitive substring of the name or identity. */
  search: string | null;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface PrincipleCell {
  principle: PrincipleId;
  /** 0–10, or null when not scored. */
  score: number | null;
}

/** One repository's latest run as the cohort table shows it. */
export interface CohortRow {
  repoId: string;
  name: string;
  /** Normalised remote URL, or the absolute path. */
  identity: string;
  runId: string;
  /** ISO 8601. */
  recordedAt: string;
  commit: string | null;
  score: number | null;
  principles: PrincipleCell[];
  redFlags: string[];
  /** The route to standing out, when the report has one (id, e.g. `own-data`). */
  route: string | null;
  /** Stock datasets and course capstones the herd catalogue recognised, by name. */
  herd: string[];
  /** ISO 8601 date of the last commit seen, or null. */
  lastActivity: string | null;
  /** The run could not audit the repository. */
  error: string | null;
}

/** One page of the cohort and the numbers of the whole filtered cohort (its total, its charts). */
export interface CohortView {
  rows: CohortRow[];
  stats: CohortStats;
}

export interface CohortStats {
  /** Repositories matching the filters, over every page (the charts describe these). */
  total: number;
  /** Scores of the matching repositories in bands of ten, 0–9 … 90–100; `unscored` apart. */
  scoreBins: number[];
  unscored: number;
  /** Per principle: how many matching repositories score below 5 of 10 on it, most missed first. */
  missed: { principle: PrincipleId; below: number; scored: number }[];
  /** Per ISO week (its Monday, YYYY-MM-DD) of recorded runs: runs and repositories with a new commit. */
  weeks: { week: string; runs: number; newCommits: number }[];
  /** Stock datasets present in the cohort, for the filter: id, name, repositories. */
  datasets: { id: string; name: string; repos: number }[];
}

export interface TagCount {
  tag: string;
  repos: number;
}

export interface RunSummary {
  runId: string;
  recordedAt: string;
  commit: string | null;
  toolVersion: string;
  score: number | null;
  principles: PrincipleCell[];
}

export interface RepoHistory {
  repoId: string;
  name: string;
  identity: string;
  tags: string[];
  /** Oldest first. */
  runs: RunSummary[];
}

export interface DashboardData {
  tags(): Promise<TagCount[]>;
  cohort(query: CohortQuery): Promise<CohortView>;
  /** Every matching row in the query's order, for the CSV export (no paging). */
  cohortRows(query: CohortQuery): AsyncIterable<CohortRow>;
  repo(repoId: string): Promise<RepoHistory | null>;
  /** The full report of one run of one repository, or null when that run is not this repository's. */
  report(repoId: string, runId: string): Promise<RepoReport | null>;
  /**
   * The distributed audits' queue (`unherd queue status`), present only on a PostgreSQL store;
   * it resolves to null when no one has enqueued into this database (no queue tables).
   */
  queue?(): Promise<QueueStatus | null>;
}
