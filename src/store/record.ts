import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type RepoReport, SCHEMA_VERSION } from '../engine/report.js';
import { CLEAN, cacheKeyOf, type RunKey, repoIdOf } from './key.js';
import type { StoreDatabase } from './schema.js';
import { flag, toEpochMs, toIso, toJson } from './values.js';

/** What the caller knows about a run besides its report. */
export interface RecordMeta {
  key: RunKey;
  /** When the run happened; now when not given (the example cohort spreads runs over weeks). */
  recordedAt?: Date | string | number;
  /** Cohort labels (`--tag`). */
  tags?: readonly string[];
}

export interface RecordedRun {
  runId: string;
  repoId: string;
  recordedAt: string;
}

/** The route's id, for a report that has one (a string, or `{ id }`). */
export function routeOf(report: RepoReport): string | null {
  const route = (report as { route?: unknown }).route;
  if (typeof route === 'string') return route;
  if (route !== null && typeof route === 'object' && typeof (route as { id?: unknown }).id === 'string')
    return (route as { id: string }).id;
  return null;
}

/** The report as stored: `changes` is derived from the previous run when read, never stored. */
export function storedReport(report: RepoReport): RepoReport {
  const { changes: _changes, ...rest } = report;
  return rest;
}

export function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))].sort();
}

/**
 * Writes one run: the repository (created on first sight), the run's scalar columns, one row per
 * principle and per check, its tags, and the "latest run" pointers the dashboard joins on. The
 * caller gives a transaction, so a run is all there or not there at all.
 */
export async function recordRunIn(
  db: Kysely<StoreDatabase>,
  report: RepoReport,
  meta: RecordMeta,
): Promise<RecordedRun> {
  const identity = meta.key.repo;
  const repoId = repoIdOf(identity);
  const at = toEpochMs(meta.recordedAt ?? Date.now());
  const runId = randomUUID();
  const facts = report.facts;
  const stock = facts?.stockDatasets ?? [];
  const herd = [...stock, ...(facts?.capstones ?? [])].map((h) => h.name);
  const lastCommit = facts?.git?.lastCommit ?? null;

  await db
    .insertInto('repos')
    .values({ id: repoId, identity, name: report.name, first_seen: at, latest_run_id: null, latest_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('runs')
    .values({
      id: runId,
      repo_id: repoId,
      recorded_at: at,
      input: report.path,
      name: report.name,
      commit_sha: meta.key.commit,
      worktree: meta.key.worktree ?? CLEAN,
      tool_version: meta.key.toolVersion,
      config_hash: meta.key.configHash,
      cache_key: cacheKeyOf(meta.key),
      report_schema: SCHEMA_VERSION,
      score: report.score,
      error: report.error,
      red_flags: report.redFlags.length,
      red_flag_list: toJson(report.redFlags),
      stock_dataset_ids: toJson(stock.map((s) => s.id)),
      stock_datasets: stock.length,
      herd: toJson(herd),
      route: routeOf(report),
      last_activity: lastCommit === null ? null : toEpochMs(lastCommit),
      commits: facts?.git?.commitCount ?? null,
      active_days: facts?.git?.activeDays ?? null,
      tests: flag(facts?.tests),
      ci: flag(facts?.ci),
      data_files: facts?.dataFiles ?? null,
      custom_data: flag(facts?.customData),
      facts: facts === null ? null : toJson(facts),
      report: toJson(storedReport(report)),
    })
    .execute();
  if (report.principles.length > 0) {
    await db
      .insertInto('run_principles')
      .values(
        report.principles.map((p) => ({
          run_id: runId,
          repo_id: repoId,
          principle: p.principle,
          score: p.score,
          kind: p.kind,
        })),
      )
      .execute();
  }
  const findings = new Map<string, number>();
  for (const f of report.findings) findings.set(f.check, (findings.get(f.check) ?? 0) + 1);
  if (report.checks.length > 0) {
    await db
      .insertInto('run_checks')
      .values(
        report.checks.map((c) => ({
          run_id: runId,
          check_code: c.check,
          title: c.title,
          principle: c.principle,
          severity: c.severity,
          outcome: c.outcome,
          findings: findings.get(c.check) ?? 0,
        })),
      )
      .execute();
  }
  await db
    .updateTable('repos')
    .set({ latest_run_id: runId, latest_at: at, name: report.name })
    .where('id', '=', repoId)
    .where((eb) => eb.or([eb('latest_at', 'is', null), eb('latest_at', '<=', at)]))
    .execute();
  await tagRunIn(db, runId, repoId, at, meta.tags);
  return { runId, repoId, recordedAt: toIso(at) };
}

/** Adds tags to a recorded run (a cached run re-audited under a new cohort joins it). */
export async function tagRunIn(
  db: Kysely<StoreDatabase>,
  runId: string,
  repoId: string,
  at: number,
  tags: readonly string[] | undefined,
): Promise<void> {
  const clean = cleanTags(tags);
  if (clean.length === 0) return;
  await db
    .insertInto('run_tags')
    .values(clean.map((tag) => ({ run_id: runId, tag })))
    .onConflict((oc) => oc.columns(['run_id', 'tag']).doNothing())
    .execute();
  for (const tag of clean) {
    await db
      .insertInto('repo_tags')
      .values({ repo_id: repoId, tag, latest_run_id: runId, latest_at: at })
      .onConflict((oc) =>
        oc
          .columns(['repo_id', 'tag'])
          .doUpdateSet((eb) => ({
            latest_run_id: eb.ref('excluded.latest_run_id'),
            latest_at: eb.ref('excluded.latest_at'),
          }))
          .where('repo_tags.latest_at', '<=', at),
      )
      .execute();
  }
}
