import type { PythonFacts } from '../python/types.js';
import { CONDA_TO_PYPI, ENVIRONMENT_PROVIDED, IMPORT_PACKAGES } from './import-map.js';
import { normaliseName } from './pep508.js';
import { STDLIB_MODULES } from './stdlib.js';
import type { UndeclaredImport } from './types.js';

/** Every name a declared package answers to: its own, and its PyPI name if it is a conda package. */
export function declaredNames(declared: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const name of declared) {
    const n = normaliseName(name);
    names.add(n);
    const pypi = CONDA_TO_PYPI[n];
    if (pypi) names.add(normaliseName(pypi));
  }
  return names;
}

/** The packages that can provide an import, longest dotted prefix first (`google.cloud.storage`). */
export function packagesFor(module: string, top: string): { key: string; packages: readonly string[] } {
  const parts = module.split('.');
  for (let n = parts.length; n > 1; n--) {
    const key = parts.slice(0, n).join('.');
    const hit = IMPORT_PACKAGES[key];
    if (hit) return { key, packages: hit };
  }
  return { key: top, packages: IMPORT_PACKAGES[top] ?? [top] };
}

function environmentProvided(module: string): boolean {
  return ENVIRONMENT_PROVIDED.some((p) => module === p || module.startsWith(`${p}.`));
}

/**
 * Third-party imports no manifest declares: not standard library, not the repository's own
 * modules, not relative, and no declared package matches the import name or a package known to
 * provide it. One entry per package, at its first import (files in path order, then line).
 */
export function findUndeclared(python: PythonFacts, declared: Iterable<string>): UndeclaredImport[] {
  const names = declaredNames(declared);
  const local = new Set(python.localModules);
  const imports = [...python.imports].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line,
  );
  const byPackage = new Map<string, UndeclaredImport>();
  for (const imp of imports) {
    if (imp.relative || !imp.top) continue;
    if (STDLIB_MODULES.has(imp.top) || local.has(imp.top) || environmentProvided(imp.module)) continue;
    const { key, packages: candidates } = packagesFor(imp.module, imp.top);
    const satisfied =
      names.has(normaliseName(imp.top)) || candidates.some((p) => names.has(normaliseName(p)));
    if (satisfied) continue;
    const pkg = candidates[0] ?? imp.top;
    if (byPackage.has(pkg)) continue;
    const entry: UndeclaredImport = { module: key, package: pkg, file: imp.file, line: imp.line };
    if (imp.cell !== undefined) entry.cell = imp.cell;
    byPackage.set(pkg, entry);
  }
  return [...byPackage.values()];
}
