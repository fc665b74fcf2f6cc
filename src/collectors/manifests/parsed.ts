import type { DeclaredDependency } from './types.js';

/** What one manifest file says, before the collector merges files. */
export interface Parsed {
  dependencies: DeclaredDependency[];
  /** Python version the file asks for (`requires-python`, `python=3.10`, `python_version`). */
  pythonVersion?: string;
  /** Other requirement files it pulls in (`-r base.txt`), repository-relative. */
  includes?: string[];
  /** Constraint files (`-c constraints.txt`), repository-relative. */
  constraints?: string[];
  error?: string;
}

export function dependency(
  manifest: string,
  line: number,
  name: string,
  spec: string,
  pinned: boolean,
): DeclaredDependency {
  return { name, spec, pinned, manifest, line };
}
