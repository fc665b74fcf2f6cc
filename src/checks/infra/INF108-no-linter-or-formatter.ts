import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF108',
  name: 'no-linter-or-formatter',
  title: 'A linter or formatter is configured',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['infra', 'python'],
  messages: {
    none: 'No linter or formatter configured (ruff, black, flake8, pylint, isort, mypy)',
    configured: 'Configured: {{tools}}',
  },
  options: {},
  advice: 'Configure ruff (lint and format) in pyproject.toml and run it in pre-commit or CI.',
  docs: {
    what: 'Linter, formatter or type-checker configuration: ruff.toml, .flake8, .pylintrc, mypy.ini, `[tool.ruff]`/`[tool.black]`/… in pyproject.toml, setup.cfg sections, pre-commit hooks, or a CI step that runs one.',
    why: 'Consistent formatting and lint-clean code are what reviewers see first when they open a file. A configured linter signals care for readability and familiarity with the tools every software team uses.',
    fix: 'Add `[tool.ruff]` to pyproject.toml, run `ruff check --fix` and `ruff format`, and add them to a pre-commit config or the CI workflow.',
    limitations:
      'Only configuration is seen; a linter run by hand without a config file is not. Whether the code passes the linter is not checked.',
  },
  run({ facts, fail, pass, notApplicable }) {
    if (facts.python.files.length === 0) {
      notApplicable('no Python code');
      return;
    }
    const { linters } = facts.infra;
    if (linters.length === 0) fail('none');
    else pass('configured', { tools: linters.join(', ') });
  },
});
