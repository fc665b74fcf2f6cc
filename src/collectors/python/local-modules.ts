/** Folders that hold a package in the common "src layout". */
const SOURCE_ROOTS = new Set(['src', 'lib', 'python']);
const NOT_MODULES = new Set(['', '__init__', '__main__', 'setup', 'conftest']);

function stemOf(name: string): string {
  return name.replace(/\.pyw?$/i, '');
}

/**
 * Top-level module and package names the repository defines itself, so that `import utils`
 * next to `utils.py` is not mistaken for a missing dependency. `pyPaths` are the `.py` files;
 * `importedTops` the top-level names imported anywhere (scripts import siblings by bare name).
 */
export function localModules(pyPaths: readonly string[], importedTops: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const add = (name: string | undefined) => {
    if (name && !NOT_MODULES.has(name) && /^[A-Za-z_]\w*$/.test(name)) found.add(name);
  };
  for (const path of pyPaths) {
    const parts = path.split('/');
    const stem = stemOf(parts[parts.length - 1] ?? '');
    const dirs = parts.slice(0, -1);
    if (dirs.length === 0) add(stem);
    else if (stem === '__init__')
      add(dirs[0] && SOURCE_ROOTS.has(dirs[0]) && dirs.length > 1 ? dirs[1] : dirs[0]);
    if (dirs.length === 1 && SOURCE_ROOTS.has(dirs[0]!)) add(stem);
    if (dirs.length >= 2 && SOURCE_ROOTS.has(dirs[0]!)) add(dirs[1]);
    if (importedTops.has(stem)) add(stem);
    for (const dir of dirs) if (importedTops.has(dir)) add(dir);
  }
  return [...found].sort();
}
