import type { ManifestsFacts } from '../../collectors/manifests/types.js';
import type { PyFile, PythonFacts } from '../../collectors/python/types.js';

export function manifestsOf(overrides: Partial<ManifestsFacts> = {}): ManifestsFacts {
  return {
    manifests: [],
    declared: [],
    pinned: null,
    unpinned: [],
    undeclaredImports: [],
    pythonVersion: null,
    ...overrides,
  };
}

/** Python facts with the given files (a repository with Python code when non-empty). */
export function pythonOf(paths: string[] = ['src/train.py']): PythonFacts {
  const files: PyFile[] = paths.map((path) => ({
    path,
    origin: path.endsWith('.ipynb') ? 'notebook' : 'module',
    codeLines: 10,
    commentLines: 0,
    syntaxErrors: [],
    hasMainGuard: false,
    generated: false,
  }));
  return { files, imports: [], calls: [], strings: [], defs: [], localModules: [] };
}
