import type { RepoFiles } from '../../source/repo-files.js';
import type { PythonFacts } from '../python/types.js';
import { languageOf } from '../tree/classify.js';
import type { TreeFile } from '../tree/types.js';
import { baseName, type Problems, readConfig } from './read.js';
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

/** Test files opened to look for an assertion, at most; past it, files are taken on their names. */
const MAX_ASSERTION_READS = 300;

/**
 * Something a test checks: an `assert` statement, a unittest `self.assert…`/`self.fail`, pytest's
 * `raises`/`warns`/`approx`/`fail`, `numpy.testing`/`pandas.testing` `assert_…`, a mock's
 * `assert_called…`; or a failure raised: `raise`, `subprocess.check_output`/`check_call`, a
 * checker's `.check()` (Snakemake's generated unit tests compare outputs that way).
 */
const ASSERTION =
  /^\s*assert\b|\bassert\w*\s*\(|\bpytest\s*\.\s*(raises|warns|approx|fail)\b|\bself\.fail\s*\(|^\s*raise\b|\bcheck_(output|call)\s*\(|\.check\s*\(/m;

/** A template's placeholder (`assert True`, `assert 1 == 1`) checks nothing. */
const PLACEHOLDER_ASSERT = /^\s*assert\s*\(?\s*(True|1|1\s*==\s*1|True\s*==\s*True)\s*\)?\s*(#.*)?$/gm;

/**
 * The Python test files that assert something. A `test_connection.py` that prints what a local
 * service answers, or `test_*.py` experiments, define `test_…` functions but check nothing: they are
 * ad-hoc runs, not tests (docs/facts.md, `tests`).
 */
export async function filesWithAssertions(
  files: RepoFiles,
  python: PythonFacts,
  problems: Problems,
): Promise<Set<string>> {
  const candidates = python.files
    .filter((f) => f.origin === 'module' && isTestPath(f.path))
    .map((f) => f.path)
    .sort();
  const asserting = new Set<string>(candidates.slice(MAX_ASSERTION_READS));
  for (const path of candidates.slice(0, MAX_ASSERTION_READS)) {
    const text = await readConfig(files, path, problems);
    if (text !== null && ASSERTION.test(text.replace(PLACEHOLDER_ASSERT, ''))) asserting.add(path);
  }
  return asserting;
}

/**
 * Test files are Python modules named or placed like tests that define real tests: `test_*`
 * functions, or `Test*` classes in a file importing unittest. A `tests/` folder without one is not
 * tests, nor is a file that asserts nothing (when `asserting` is given, only its files count).
 */
export function findTests(
  python: PythonFacts,
  treePaths: readonly string[],
  asserting?: ReadonlySet<string>,
): InfraFacts['tests'] {
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
    if (asserting && !asserting.has(def.file)) continue;
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

/** JavaScript and TypeScript test files opened, at most. */
const MAX_JS_TESTS = 200;
const JS_TEST_FILE = /\.(test|spec)\.(jsx?|tsx?|mjs|cjs)$|(^|\/)__tests__\/.+\.(jsx?|tsx?|mjs|cjs)$/;
const JS_TEST_CALL = /^\s*(test|it)(\.\w+)?\s*\(/gm;
const JS_EXPECTATION = /\bexpect\s*\(|\bassert\b/;
const JS_FRAMEWORK_IMPORT: [RegExp, string][] = [
  [/from\s+['"]vitest['"]/, 'vitest'],
  [/from\s+['"]@playwright\/test['"]/, 'playwright'],
  [/from\s+['"]@jest\/globals['"]/, 'jest'],
  [/\bcy\.\w+\(/, 'cypress'],
  [/@angular\/core\/testing/, 'jasmine'],
];

/**
 * Tests of a JavaScript or TypeScript front end of the project's own (`*.test.ts`, `*.spec.js`,
 * `__tests__/`): a file with `test(…)`/`it(…)` cases that expect something or run under a test
 * runner it imports (Vitest, Playwright, Jest, Angular's testing module). Installed packages
 * (`node_modules`) are not in the tree, so their tests never count.
 */
export async function jsTests(
  files: RepoFiles,
  tree: readonly TreeFile[],
  problems: Problems,
): Promise<InfraFacts['tests']> {
  const found = new Map<string, number>();
  const frameworks = new Set<string>();
  const candidates = tree
    .filter((f) => JS_TEST_FILE.test(f.path) && languageOf(f.path) !== null && f.size <= 512 * 1024)
    .slice(0, MAX_JS_TESTS);
  for (const f of candidates) {
    const text = await readConfig(files, f.path, problems);
    if (!text) continue;
    const named = JS_FRAMEWORK_IMPORT.find(([re]) => re.test(text));
    // A test runner's own import makes its steps checks (a Playwright step that finds nothing fails).
    if (!named && !JS_EXPECTATION.test(text)) continue;
    const cases = text.match(JS_TEST_CALL)?.length ?? 0;
    if (cases === 0) continue;
    found.set(f.path, cases);
    frameworks.add(named ? named[1] : /\.spec\./.test(baseName(f.path)) ? 'jasmine' : 'jest');
  }
  return {
    files: [...found.keys()].sort(),
    functions: [...found.values()].reduce((a, b) => a + b, 0),
    frameworks: [...frameworks].sort(),
  };
}
