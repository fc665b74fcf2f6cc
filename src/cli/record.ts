import type { AuditOptions } from '../engine/audit.js';
import { TOOL_VERSION } from '../engine/audit.js';
import type { RepoReport } from '../engine/report.js';
import { describeError } from '../errors.js';
import {
  compareRuns,
  configHash,
  defaultStorePath,
  openStore,
  type RepoState,
  type RunKey,
  readRepoState,
  type Store,
  snapshotOf,
} from '../store/index.js';

/** The store flags of `audit`: `--db <target>`, `--no-db` (db: false), `--tag`, `--refresh`. */
export interface StoreFlags {
  db?: string | boolean;
  tag?: string[];
  refresh?: boolean;
  quiet?: boolean;
}

/** What `--db` names, or the embedded default: UNHERD_DB, else the user's data folder. */
export function storeTarget(db: string | boolean | undefined, env: NodeJS.ProcessEnv): string | null {
  if (db === false) return null;
  if (typeof db === 'string' && db !== '') return db;
  return env.UNHERD_DB || defaultStorePath(env);
}

/** A repository as the audit names it: where it is on disk, and its remote identity when cloned. */
export interface AuditedRepo {
  root: string;
  remoteIdentity?: string;
}

/**
 * Recording for one `audit` run: before a repository is audited, its state is read and the store
 * asked for a run with the same key (served from there unless --refresh); after, the run is
 * recorded with what changed since the previous one. The store failing never fails the audit:
 * it is said once on stderr and the audit goes on unrecorded.
 */
export class AuditRecording {
  private readonly states = new Map<string, RepoState>();
  private failed = false;
  served = 0;
  recorded = 0;

  private constructor(
    private readonly store: Store,
    private readonly stderr: NodeJS.WritableStream,
    private readonly configHash: string,
    private readonly tags: string[],
    private readonly refresh: boolean,
  ) {}

  static async open(
    flags: StoreFlags,
    options: AuditOptions,
    env: NodeJS.ProcessEnv,
    stderr: NodeJS.WritableStream,
  ): Promise<AuditRecording | null> {
    const target = storeTarget(flags.db, env);
    if (target === null) return null;
    try {
      const store = await openStore(target);
      return new AuditRecording(store, stderr, configHash(options), flags.tag ?? [], flags.refresh === true);
    } catch (err) {
      stderr.write(`unherd: warning: not recording this run: ${describeError(err)}\n`);
      return null;
    }
  }

  get location(): string {
    return this.store.location;
  }

  private warn(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.stderr.write(`unherd: warning: could not record in ${this.store.location}: ${describeError(err)}\n`);
  }

  private keyOf(state: RepoState): RunKey {
    return {
      repo: state.identity,
      commit: state.commit,
      worktree: state.worktree,
      toolVersion: TOOL_VERSION,
      configHash: this.configHash,
    };
  }

  /** The stored report of an unchanged repository, with its changes; null to audit it. */
  async before(repo: AuditedRepo): Promise<RepoReport | null> {
    if (this.failed) return null;
    try {
      const state = await readRepoState(repo.root, repo.remoteIdentity);
      this.states.set(repo.root, state);
      if (this.refresh) return null;
      const cached = await this.store.findCached(this.keyOf(state));
      if (!cached) return null;
      if (this.tags.length > 0) await this.store.tagRun(cached.runId, this.tags);
      this.served += 1;
      return (await this.store.runReport(cached.runId)) ?? cached.report;
    } catch (err) {
      this.warn(err);
      return null;
    }
  }

  /** Records a fresh audit and returns it with what changed since the previous run. */
  async after(repo: AuditedRepo, report: RepoReport): Promise<RepoReport> {
    const state = this.states.get(repo.root);
    if (this.failed || !state || report.root === null) return report;
    try {
      const previous = await this.store.latestRunOf(state.identity);
      const run = await this.store.recordRun(report, { key: this.keyOf(state), tags: this.tags });
      this.recorded += 1;
      if (!previous || report.score === null) return report;
      return {
        ...report,
        changes: compareRuns(previous.snapshot, snapshotOf(report, run.recordedAt, state.commit)),
      };
    } catch (err) {
      this.warn(err);
      return report;
    }
  }

  async close(quiet: boolean): Promise<void> {
    if (!quiet && this.served > 0) {
      this.stderr.write(
        `unherd: ${this.served} repositor${this.served === 1 ? 'y' : 'ies'} unchanged since the last recorded run: served from ${this.store.location} (--refresh audits again)\n`,
      );
    }
    await this.store.close().catch(() => {});
  }
}
