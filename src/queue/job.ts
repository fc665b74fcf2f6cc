import { createHash } from 'node:crypto';
import type { AuditOptions } from '../engine/audit.js';
import type { RemoteUrl } from '../source/remote/url.js';
import { CLEAN, type RunKey } from '../store/index.js';

export type { RunKey };

/** The PostgreSQL schema pg-boss keeps its tables in, beside the store's. */
export const QUEUE_SCHEMA = 'unherd_queue';

/** The queue that holds audits, and the one that receives what could not be audited. */
export const AUDIT_QUEUE = 'unherd-audit';
export const DEAD_LETTER_QUEUE = 'unherd-audit-dead';

/** A job's payload: everything a worker on another machine needs, and nothing it must look up. */
export interface AuditJobData {
  /** Payload format; a worker refuses a format it does not know. */
  format: 1;
  /** The path or URL exactly as the user gave it. */
  input: string;
  /** Set for a remote repository: what the clone cache is given. */
  remote?: RemoteUrl;
  /** Set for a local folder: its absolute path, which every worker must be able to read. */
  path?: string;
  key: RunKey;
  options: AuditOptions;
  /** Cohort label given with --tag. */
  tag: string | null;
  /** The other columns of the input CSV row, carried into the report. */
  columns?: Record<string, string>;
}

/** What a finished job leaves in its `output`. */
export type AuditJobOutput =
  /** Audited and recorded now, or found already recorded (`cached`) by this job. */
  | { outcome: 'recorded' | 'cached'; key: RunKey; score: number | null; note: string | null }
  /** Could not be audited. `permanent` ones went straight to the dead-letter queue. */
  | { outcome: 'failed'; reason: string; permanent: boolean };

/** JSON with object keys sorted, so equal values hash equally whatever order they were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Namespace for job ids (a fixed random UUID): ids from another application never collide with ours. */
const NAMESPACE = Buffer.from('6f1b3c2e9a8d4e57b0c4d2a1f3e5b7c9', 'hex');

/**
 * The job id of a run key: a name-based UUID (RFC 9562 version 5: SHA-1 over a namespace and the
 * name). pg-boss's primary key is (queue, id), so sending the same key twice inserts nothing the
 * second time; this is the deduplication, since `singletonKey` does nothing on a standard queue.
 */
export function jobIdFor(key: RunKey): string {
  const name = canonicalJson({ ...key, worktree: key.worktree ?? CLEAN });
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A short, stable text form of a key, for advisory locks and messages. */
export function keyText(key: RunKey): string {
  const tree = (key.worktree ?? CLEAN) === CLEAN ? '' : ` (${key.worktree})`;
  return `${key.repo}@${key.commit ?? 'unknown'}${tree} · unherd ${key.toolVersion} · config ${key.configHash.slice(0, 8)}`;
}
