import type { PyCall, PyImport, PyString, PythonFacts } from '../python/types.js';

/** Folders holding other people's code that happens to be committed; its imports say nothing of the candidate. */
const VENDORED =
  /(^|\/)(site-packages|\.?venv|virtualenv|node_modules|vendor|vendored|third_party|external)\//;

export interface FileCode {
  file: string;
  imports: PyImport[];
  calls: PyCall[];
  strings: PyString[];
  /** Top-level and full dotted module names imported anywhere in the file. */
  modules: Set<string>;
}

/** Python facts regrouped per file (a notebook counts as one file), vendored folders left out. */
export function indexByFile(python: PythonFacts): Map<string, FileCode> {
  const files = new Map<string, FileCode>();
  const entry = (file: string): FileCode | null => {
    if (VENDORED.test(file)) return null;
    let found = files.get(file);
    if (!found) {
      found = { file, imports: [], calls: [], strings: [], modules: new Set() };
      files.set(file, found);
    }
    return found;
  };
  for (const imp of python.imports) {
    if (imp.relative) continue;
    const code = entry(imp.file);
    if (!code) continue;
    code.imports.push(imp);
    code.modules.add(imp.top);
    code.modules.add(imp.module);
  }
  for (const call of python.calls) entry(call.file)?.calls.push(call);
  for (const str of python.strings) entry(str.file)?.strings.push(str);
  return files;
}

/** The module is imported in the file, itself or as a parent of a submodule import. */
export function importsModule(code: FileCode, module: string): boolean {
  if (code.modules.has(module)) return true;
  for (const imp of code.imports) if (imp.module.startsWith(`${module}.`)) return true;
  return false;
}

/** The first import of `module` (or one of its submodules) in the file. */
export function firstImport(code: FileCode, module: string): PyImport | undefined {
  return code.imports.find((imp) => imp.module === module || imp.module.startsWith(`${module}.`));
}

/** Last dotted part of a callee: `pd.read_csv` → `read_csv`. */
export function calleeName(callee: string): string {
  const dot = callee.lastIndexOf('.');
  return dot === -1 ? callee : callee.slice(dot + 1);
}

export function at(source: { file: string; line: number; cell?: number }): {
  file: string;
  line: number;
  cell?: number;
} {
  return source.cell === undefined
    ? { file: source.file, line: source.line }
    : { file: source.file, line: source.line, cell: source.cell };
}
