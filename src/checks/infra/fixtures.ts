/** Facts literals for infra check tests (tests only; no check imports this). */
import type { InfraFacts } from '../../collectors/infra/types.js';
import type { PyFile, PythonFacts } from '../../collectors/python/types.js';

export function infraOf(extra: Partial<InfraFacts> = {}): InfraFacts {
  return {
    tests: { files: [], functions: 0, frameworks: [] },
    ci: { files: [], onPushOrPR: false, runsTests: false },
    dockerfiles: [],
    compose: [],
    webApps: [],
    deployment: [],
    entryPoints: [],
    makeTargets: [],
    precommit: false,
    linters: [],
    notebookTooling: [],
    license: null,
    problems: [],
    ...extra,
  };
}

function pyFile(path: string): PyFile {
  return {
    path,
    origin: path.endsWith('.ipynb') ? 'notebook' : 'module',
    codeLines: 20,
    commentLines: 2,
    syntaxErrors: [],
    hasMainGuard: false,
    generated: false,
  };
}

/** Python facts with the given files and nothing else. */
export function pythonOf(paths: string[] = ['src/model.py']): PythonFacts {
  return { files: paths.map(pyFile), imports: [], calls: [], strings: [], defs: [], localModules: [] };
}
