/** Facts literals for notebook and code check tests (tests only; no check imports this). */
import type { Notebook, NotebookCell, NotebooksFacts } from '../../collectors/notebooks/types.js';
import type { PyFile, PythonFacts } from '../../collectors/python/types.js';

export function cellOf(
  type: NotebookCell['type'],
  source: string,
  extra: Partial<Omit<NotebookCell, 'outputs'>> & { outputs?: Partial<NotebookCell['outputs']> } = {},
): Omit<NotebookCell, 'index'> {
  const { outputs, ...rest } = extra;
  return {
    type,
    source,
    lines: source === '' ? 0 : source.split('\n').length,
    executionCount: null,
    ...rest,
    outputs: { errors: [], images: 0, imageMimes: [], bytes: 0, stderr: 0, ...outputs },
  };
}

export function codeCell(
  source: string,
  exec: number | null = null,
  outputs: Partial<NotebookCell['outputs']> = {},
): Omit<NotebookCell, 'index'> {
  return cellOf('code', source, { executionCount: exec, outputs });
}

export function mdCell(source: string): Omit<NotebookCell, 'index'> {
  return cellOf('markdown', source);
}

export function nbOf(
  path: string,
  cells: Omit<NotebookCell, 'index'>[],
  extra: Partial<Notebook> = {},
): Notebook {
  return {
    path,
    nbformat: 4,
    language: 'python',
    cells: cells.map((c, index) => ({ ...c, index })),
    bytes: 1000,
    codeBytes: 100,
    title: path,
    ...extra,
  };
}

export function notebooksOf(...notebooks: Notebook[]): NotebooksFacts {
  return { notebooks };
}

export function pyFileOf(path: string, extra: Partial<PyFile> = {}): PyFile {
  return {
    path,
    origin: path.endsWith('.ipynb') ? 'notebook' : 'module',
    codeLines: 10,
    commentLines: 0,
    syntaxErrors: [],
    hasMainGuard: false,
    generated: false,
    ...extra,
  };
}

export function pythonOf(extra: Partial<PythonFacts> = {}): PythonFacts {
  return { files: [], imports: [], calls: [], strings: [], defs: [], localModules: [], ...extra };
}
