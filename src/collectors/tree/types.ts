/** Coarse kind of a file, decided from its name alone (content sniffing belongs to other collectors). */
export type FileKind =
  | 'python'
  | 'notebook'
  | 'markdown'
  | 'data'
  | 'image'
  | 'config'
  | 'text'
  | 'binary'
  | 'other';

export interface TreeFile {
  /** Repository-relative, forward slashes, as git would print it (unquoted). */
  path: string;
  size: number;
  kind: FileKind;
  /** Lower-case extension without the dot ('' when none); `.tar.gz` gives 'gz'. */
  ext: string;
  /** True when git tracks it; false for untracked, non-ignored files (and for non-git folders). */
  tracked: boolean;
}

export interface SkippedEntry {
  path: string;
  reason:
    | 'symlink'
    | 'symlink-outside'
    | 'symlink-loop'
    | 'unreadable'
    | 'special-file'
    | 'limit'
    | 'not-checked-out';
  detail?: string;
}

/** A folder of installed or copied-in code, left out of every analysis. */
export interface VendoredFolder {
  root: string;
  /** environment: a virtualenv, site-packages, node_modules, caches (should not be committed); vendor: third-party code kept on purpose. */
  kind: 'environment' | 'vendor';
  files: number;
  bytes: number;
  /** At least one file in it is tracked by git (committed), not just lying in the working folder. */
  tracked: boolean;
}

export interface TreeFacts {
  /** Absolute, symlink-resolved path of the repository root. */
  root: string;
  /** True when the folder has its own `.git` (a parent repository does not count). */
  isGitRepo: boolean;
  /** The candidate's own files: vendored and installed code is listed in `vendored` instead. */
  files: TreeFile[];
  vendored: VendoredFolder[];
  /** Symlinks are never followed; they and other entries not read are listed here. */
  skipped: SkippedEntry[];
  /** Set when the listing was cut at the file-count limit. */
  truncated: boolean;
  totalBytes: number;
  /**
   * Bytes per language of source files. Notebooks are left out here: `languageMix()` in
   * src/engine/facts-summary.ts adds their code cells (not their outputs) under their kernel language.
   */
  languageBytes: Record<string, number>;
}
