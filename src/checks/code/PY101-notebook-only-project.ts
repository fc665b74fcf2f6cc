import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'PY101',
  name: 'notebook-only-project',
  title: 'Code lives in modules, not only in notebooks',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['notebooks', 'python'],
  messages: {
    notebookOnly: 'All {{lines}} lines of Python are in {{count}} notebooks; there is no hand-written module',
  },
  options: { minModuleCodeLines: 20 },
  advice:
    'Move reusable code (loading, features, training) out of the notebooks into a .py module they import.',
  docs: {
    what: 'Projects whose Python lives only in notebooks: no hand-written `.py` module of any size (notebook exports do not count).',
    why: 'Teams hire people whose code can go to production. A project made only of notebooks suggests you have not yet written code others can import, test and review, which is the first thing an engineering-minded interviewer probes.',
    fix: 'Create a small package (`src/<project>/data.py`, `features.py`, `train.py`), move functions there, import them from the notebooks, and add a script that runs the pipeline.',
    limitations:
      'Counts lines, not quality; a `.py` file that is a pasted notebook export is recognised only when it carries the export markers.',
  },
  run({ facts, options, fail, notApplicable }) {
    const notebooks = facts.notebooks.notebooks.filter(
      (nb) => nb.error === undefined && nb.language === 'python' && nb.cells.some((c) => c.type === 'code'),
    );
    if (notebooks.length === 0) {
      notApplicable('no Python notebooks');
      return;
    }
    const moduleLines = facts.python.files
      .filter((f) => f.origin === 'module' && !f.generated && f.skipped === undefined)
      .reduce((sum, f) => sum + f.codeLines, 0);
    if (moduleLines >= options.minModuleCodeLines) return;
    const notebookLines = facts.python.files
      .filter((f) => f.origin === 'notebook')
      .reduce((sum, f) => sum + f.codeLines, 0);
    fail(
      'notebookOnly',
      { lines: notebookLines, count: notebooks.length },
      notebooks.slice(0, 5).map((nb) => ({ file: nb.path })),
    );
  },
});
