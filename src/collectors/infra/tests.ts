import type { PythonFacts } from '../python/types.js';
import type { InfraFacts } from './types.js';

const TEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;
const IN_TEST_FOLDER = /(^|\/)tests?\/[^/]*\.py$|(^|\/)tests?\/.+\.py$/;
const FRAMEWORKS: Record<string, string> = {
  pytest: 'pytest',
  unittest: 'unittest',
  nose: 'nose',
  nose2: 'nose',
  hypothesis: 'hypothesis',
};

export function isTestPath(path: string): boolean {
  return TEST_FILE.test(path) || IN_TEST_FOLDER.test(path);
}

/**
 * Test files are Python modules named or placed like tests that define real tests: `test_*`
 * functions, or `Test*` classes in a file importing unittest. A `tests/` folder without one is not tests.
 */
export function findTests(python: PythonFacts, treePaths: readonly string[]): InfraFacts['tests'] {
  const modules = new Set(python.files.filter((f) => f.origin === 'module').map((f) => f.path));
  const perFile = new Map<string, number>();
  const importsByFile = new Map<string, Set<string>>();
  for (const imp of python.imports) {
    if (!isTestPath(imp.file)) continue;
    const set = importsByFile.get(imp.file) ?? new Set<string>();
    set.add(imp.top);
    importsByFile.set(imp.file, set);
  }
  for (const def of python.defs) {
    if (!modules.has(def.file) || !isTestPath(def.file)) continue;
    const isTestFunction = def.kind === 'function' && /^test/.test(def.name);
    const isTestCase =
      def.kind === 'class' && /^Test|Tests?$/.test(def.name) && importsByFile.get(def.file)?.has('unittest');
    if (isTestFunction || isTestCase)
      perFile.set(def.file, (perFile.get(def.file) ?? 0) + (isTestFunction ? 1 : 0));
  }
  const files = [...perFile.keys()].sort();
  const frameworks = new Set<string>();
  for (const file of files) {
    for (const top of importsByFile.get(file) ?? []) {
      const name = FRAMEWORKS[top];
      if (name) frameworks.add(name);
    }
  }
  const hasPytestConfig = treePaths.some((p) => /(^|\/)(conftest\.py|pytest\.ini)$/.test(p));
  if (files.length > 0 && (hasPytestConfig || !frameworks.has('unittest'))) frameworks.add('pytest');
  return {
    files,
    functions: [...perFile.values()].reduce((a, b) => a + b, 0),
    frameworks: [...frameworks].sort(),
  };
}
