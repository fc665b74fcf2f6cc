import { defineCheck } from '../types.js';

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

export default defineCheck({
  code: 'INF101',
  name: 'no-tests',
  title: 'The code has automated tests',
  principle: 'boring-skills',
  severity: 'high',
  status: 'preview',
  needs: ['infra', 'python'],
  messages: {
    none: 'No test functions found (no test_*.py with test_… functions or unittest cases)',
    tested: '{{functions}} in {{files}} ({{frameworks}})',
  },
  options: {},
  advice: 'Add a tests/ folder with a few pytest tests for your data cleaning and feature code.',
  docs: {
    what: 'Whether the repository has real tests: `test_*.py` / `*_test.py` files or a `tests/` folder containing `test_…` functions or unittest `TestCase` classes.',
    why: 'Tests are the clearest sign that someone can work on a team codebase. Most data-science portfolios have none, so even a handful of pytest tests on the data pipeline sets a candidate apart and prepares them for engineering-style interviews.',
    fix: 'Move logic out of notebooks into functions, then add `tests/test_<module>.py` with pytest tests for the cleaning, feature and metric code; run them with `pytest`.',
    limitations:
      'Tests are recognised by file and function names, in Python (a file must assert something), R testthat, dbt data tests, Scrapy contracts and JavaScript or TypeScript test files; tests in notebooks are not counted. An empty `tests/` folder does not count.',
  },
  run({ facts, fail, pass, notApplicable }) {
    if (facts.python.files.length === 0) {
      notApplicable('no Python code');
      return;
    }
    const { tests } = facts.infra;
    if (tests.files.length === 0) {
      fail('none');
      return;
    }
    pass(
      'tested',
      {
        functions: plural(tests.functions, 'test function'),
        files: plural(tests.files.length, 'file'),
        frameworks: tests.frameworks.join(', ') || 'pytest',
      },
      tests.files.slice(0, 5).map((file) => ({ file })),
    );
  },
});
