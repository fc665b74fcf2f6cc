import { createHash } from 'node:crypto';
import type { AuditOptions } from '../engine/audit.js';
import { BUILD_ID } from '../version.js';

/**
 * What makes two audits the same audit, and so what the cache looks up: the repository, its
 * commit, the state of its working tree, the tool version and the configuration.
 */
export interface RunKey {
  /** Normalised remote URL, else the absolute local path. */
  repo: string;
  /** HEAD's commit, or null when there is none (not a git repository, no commit yet). */
  commit: string | null;
  /** `clean`, or a hash of the uncommitted changes; `clean` when not given. */
  worktree?: string;
  toolVersion: string;
  configHash: string;
}

export const CLEAN = 'clean';

/** JSON with object keys sorted, so equal values hash equally whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Hash of what changes an audit's outcome besides the repository: config and the checks selected. */
export function configHash(options: AuditOptions): string {
  const only = [...(options.only ?? [])].map((c) => c.toUpperCase()).sort();
  const skip = [...(options.skip ?? [])].map((c) => c.toUpperCase()).sort();
  const text = canonicalJson({ config: options.config ?? null, only, skip });
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The cache key of a run key. A run without a commit has no reliable identity and is never cached.
 * The build id joins the version so that a rebuilt tool (same version, other code) audits afresh.
 */
export function cacheKeyOf(key: RunKey, buildId: string = BUILD_ID): string {
  const name = canonicalJson({
    build: buildId || undefined,
    repo: key.repo,
    commit: key.commit,
    worktree: key.worktree ?? CLEAN,
    toolVersion: key.toolVersion,
    configHash: key.configHash,
  });
  return createHash('sha256').update(name).digest('hex').slice(0, 40);
}

/** A repository's id in the store: a short hash of its identity, stable and safe in a URL. */
export function repoIdOf(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}
