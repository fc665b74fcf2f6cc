import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'NB103',
  name: 'notebook-unexecuted-cells',
  title: 'Notebooks were run completely, or saved cleared',
  principle: 'runnable',
  severity: 'low',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    partlyRun: '{{file}}: {{unrun}} of {{total}} code cells were never run, starting at cell {{cell}}',
  },
  options: {},
  advice: 'Run each notebook completely before committing it, or clear all outputs consistently.',
  docs: {
    what: 'Notebooks where some code cells have results and others were never executed.',
    why: 'A half-run notebook shows results that the unexecuted cells never produced; a reviewer cannot tell whether those cells work, or whether the results shown depend on them.',
    fix: 'Run all cells from a fresh kernel, delete dead cells, or clear every output (nbstripout) so the notebook is uniformly unexecuted.',
    limitations:
      'A notebook saved with every output cleared passes: that is a legitimate choice. Empty code cells are ignored.',
  },
  run({ facts, fail, notApplicable }) {
    let judged = 0;
    for (const nb of facts.notebooks.notebooks) {
      if (nb.error !== undefined) continue;
      const code = nb.cells.filter((c) => c.type === 'code' && c.source.trim() !== '');
      if (code.length === 0) continue;
      judged++;
      const unrun = code.filter((c) => c.executionCount === null);
      if (unrun.length > 0 && unrun.length < code.length) {
        const first = unrun[0]!;
        fail(
          'partlyRun',
          { file: nb.path, unrun: unrun.length, total: code.length, cell: first.index + 1 },
          { file: nb.path, cell: first.index },
        );
      }
    }
    if (judged === 0) notApplicable('no readable notebook with code cells');
  },
});
