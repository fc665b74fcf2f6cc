import type { Evidence } from '../types.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'PY102',
  name: 'python-syntax-errors',
  title: 'All Python parses',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['python'],
  messages: {
    syntaxError: '{{where}} does not parse as Python',
  },
  options: { maxShown: 10 },
  advice: 'Fix the Python that does not parse; run `python -m py_compile` on every file before committing.',
  docs: {
    what: 'Python files and notebook code cells that the parser cannot read (IPython magics are allowed in notebooks).',
    why: 'Code that does not even parse cannot have been run in the state it was committed. A reviewer who hits a syntax error stops trying to run the project and assumes the rest is untested too.',
    fix: 'Open the file at the line shown, fix the syntax (often a half-finished edit or a merge conflict marker), and run it once.',
    limitations:
      'Uses a modern Python grammar: Python 2-only syntax other than `print` statements may be flagged. A line number points at where the parser noticed the problem, which can be just after it.',
  },
  run({ facts, options, fail, notApplicable }) {
    const parsed = facts.python.files.filter((f) => f.skipped === undefined);
    if (parsed.length === 0) {
      notApplicable('no Python to parse');
      return;
    }
    let shown = 0;
    for (const file of parsed) {
      const first = file.syntaxErrors[0];
      if (!first || shown >= options.maxShown) continue;
      shown++;
      const evidence: Evidence[] = file.syntaxErrors
        .slice(0, 3)
        .map((e) =>
          e.cell === undefined
            ? { file: file.path, line: e.line }
            : { file: file.path, cell: e.cell, line: e.line },
        );
      const where =
        first.cell === undefined
          ? `${file.path}:${first.line}`
          : `${file.path} cell ${first.cell + 1}, line ${first.line}`;
      fail('syntaxError', { where }, evidence);
    }
  },
});
