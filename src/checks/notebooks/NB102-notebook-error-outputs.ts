import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'NB102',
  name: 'notebook-error-outputs',
  title: 'No notebook shows an error',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    errorOutput: '{{file}}: cell {{cell}} shows {{ename}}: {{evalue}}',
  },
  options: { maxPerNotebook: 3 },
  advice: 'Fix or remove the cells that end in an error, then re-run the notebook and commit it clean.',
  docs: {
    what: 'Code cells whose saved output is an exception traceback (nbformat `error`, or `pyerr` in old notebooks).',
    why: 'A traceback in a committed notebook is the first thing a reviewer sees: it says the work was left broken, and it makes every later result in the notebook suspect.',
    fix: 'Fix the failing cell, or delete it if it was an experiment; restart the kernel, run all, and commit.',
    limitations:
      'Cells deliberately showing an exception (a tutorial on errors) are flagged too; errors in outputs stripped before committing are invisible.',
  },
  run({ facts, options, fail, notApplicable }) {
    const readable = facts.notebooks.notebooks.filter((nb) => nb.error === undefined);
    if (readable.length === 0) {
      notApplicable('no readable notebooks');
      return;
    }
    for (const nb of readable) {
      let shown = 0;
      for (const cell of nb.cells) {
        for (const err of cell.outputs.errors) {
          if (shown >= options.maxPerNotebook) break;
          shown++;
          const evalue = err.evalue.length > 120 ? `${err.evalue.slice(0, 120)}…` : err.evalue;
          fail(
            'errorOutput',
            { file: nb.path, cell: cell.index + 1, ename: err.ename, evalue },
            { file: nb.path, cell: cell.index },
          );
        }
      }
    }
  },
});
