import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'NB107',
  name: 'notebook-too-long',
  title: 'Notebooks are a readable length',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    tooManyCells: '{{file}} has {{count}} code cells (more than {{max}})',
    longCell: '{{file}}: cell {{cell}} is {{lines}} lines long (more than {{max}})',
  },
  options: { maxCodeCells: 80, maxCellLines: 60, maxLongCellsShown: 3 },
  advice: 'Split very long notebooks by step and move long cells into functions in a module.',
  docs: {
    what: 'Notebooks with more code cells than a reader can follow, and single cells longer than a screen.',
    why: 'Nobody reviewing an application reads 150 cells. A notebook that never ends, or a cell of 200 lines, signals that the code was never organised into steps or functions.',
    fix: 'Split the notebook by stage (data, features, model, evaluation) and move long cells into functions in a `.py` module that the notebook imports.',
    limitations: 'Cell lines include blank lines and comments; thresholds are options.',
  },
  run({ facts, options, fail, notApplicable }) {
    const readable = facts.notebooks.notebooks.filter((nb) => nb.error === undefined && nb.cells.length > 0);
    if (readable.length === 0) {
      notApplicable('no readable notebooks');
      return;
    }
    for (const nb of readable) {
      const code = nb.cells.filter((c) => c.type === 'code');
      if (code.length > options.maxCodeCells) {
        fail(
          'tooManyCells',
          { file: nb.path, count: code.length, max: options.maxCodeCells },
          { file: nb.path },
        );
      }
      const long = code.filter((c) => c.lines > options.maxCellLines).sort((a, b) => b.lines - a.lines);
      for (const cell of long.slice(0, options.maxLongCellsShown)) {
        fail(
          'longCell',
          { file: nb.path, cell: cell.index + 1, lines: cell.lines, max: options.maxCellLines },
          { file: nb.path, cell: cell.index },
        );
      }
    }
  },
});
