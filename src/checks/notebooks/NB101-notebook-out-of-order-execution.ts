import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'NB101',
  name: 'notebook-out-of-order-execution',
  title: 'Notebooks were run top to bottom',
  principle: 'runnable',
  severity: 'medium',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    outOfOrder:
      '{{file}}: cell {{cell}} ran as [{{count}}], after cell {{prevCell}} further up ran as [{{prev}}]',
  },
  options: {},
  advice: 'Restart the kernel and run every notebook from top to bottom before committing it.',
  docs: {
    what: 'Notebooks whose execution counts do not increase from the top cell to the bottom one.',
    why: 'Cells run out of order mean the saved results may depend on hidden state; a reviewer who runs the notebook top to bottom can get different numbers or an error, and concludes the work cannot be reproduced.',
    fix: 'Use "Restart & Run All" and commit the notebook after it finishes, or strip outputs with nbstripout.',
    limitations:
      'Only the stored execution counts are compared; a notebook re-run in order after edits elsewhere looks fine.',
  },
  run({ facts, fail, notApplicable }) {
    let judged = 0;
    for (const nb of facts.notebooks.notebooks) {
      if (nb.error !== undefined) continue;
      const executed = nb.cells.filter((c) => c.type === 'code' && c.executionCount !== null);
      if (executed.length < 2) continue;
      judged++;
      let prev = executed[0]!;
      for (const cell of executed.slice(1)) {
        if (cell.executionCount! < prev.executionCount!) {
          fail(
            'outOfOrder',
            {
              file: nb.path,
              cell: cell.index + 1,
              count: cell.executionCount!,
              prevCell: prev.index + 1,
              prev: prev.executionCount!,
            },
            { file: nb.path, cell: cell.index },
          );
          break;
        }
        prev = cell;
      }
    }
    if (judged === 0) notApplicable('no notebook with two or more executed code cells');
  },
});
