import type { Evidence } from '../types.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'PY105',
  name: 'wildcard-imports',
  title: 'Imports name what they use',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['python'],
  messages: {
    wildcard: '`from {{module}} import *` in {{where}}',
  },
  options: { maxShown: 5 },
  advice: 'Replace `from x import *` with the names you use, or `import x as alias`.',
  docs: {
    what: 'Star imports (`from module import *`) in Python files and notebook cells.',
    why: 'A star import hides where every name comes from, so a reader cannot follow the code and names silently shadow each other. Reviewers read it as code written without thinking of the next person.',
    fix: 'Import the names you use (`from sklearn.metrics import f1_score`) or the module under a short alias (`import numpy as np`).',
    limitations: "Every star import is flagged, including from the repository's own modules.",
  },
  run({ facts, options, fail, notApplicable }) {
    if (facts.python.imports.length === 0) {
      notApplicable('no Python imports');
      return;
    }
    let shown = 0;
    for (const imp of facts.python.imports) {
      if (!imp.names?.includes('*') || shown >= options.maxShown) continue;
      shown++;
      const evidence: Evidence =
        imp.cell === undefined
          ? { file: imp.file, line: imp.line }
          : { file: imp.file, cell: imp.cell, line: imp.line };
      const where = imp.cell === undefined ? `${imp.file}:${imp.line}` : `${imp.file} cell ${imp.cell + 1}`;
      fail('wildcard', { module: imp.module, where }, evidence);
    }
  },
});
