/**
 * Reading limits. Every read of an audited repository goes through these so that a 20 GB file
 * costs what a 20 KB one does and a repository of a million files cannot exhaust memory.
 */
export interface Limits {
  /** Files listed per repository; the rest are counted as skipped and the tree marked truncated. */
  maxFiles: number;
  /** Bytes read from one text/source file. */
  maxFileBytes: number;
  /** Bytes read from one notebook (a notebook with huge outputs is read up to this, then reported). */
  maxNotebookBytes: number;
  /** Bytes read over the whole repository (source, notebooks, manifests). */
  maxRepoBytes: number;
  /** Bytes sniffed from the start of a data file. */
  sniffBytes: number;
  /** Commits read from history. */
  maxCommits: number;
  /** Milliseconds a single git command may take. */
  gitTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFiles: 50_000,
  maxFileBytes: 2 * 1024 * 1024,
  maxNotebookBytes: 32 * 1024 * 1024,
  maxRepoBytes: 256 * 1024 * 1024,
  sniffBytes: 64 * 1024,
  maxCommits: 20_000,
  gitTimeoutMs: 60_000,
};
