import { defineCheck } from '../types.js';

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

export default defineCheck({
  code: 'NB108',
  name: 'notebook-huge-outputs',
  title: 'Notebook outputs are a reasonable size',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    hugeOutputs: '{{file}} stores {{mb}} MB of outputs; the largest is cell {{cell}} ({{cellMb}} MB)',
  },
  options: { maxOutputBytes: 2_000_000 },
  advice: 'Trim huge notebook outputs: print df.head() instead of whole frames, and save big plots as files.',
  docs: {
    what: 'Notebooks whose saved outputs (printed frames, logs, embedded images) exceed a size threshold.',
    why: 'Megabytes of output make a notebook slow or impossible to open on GitHub, so the reviewer may never see the work, and dumping whole data frames or training logs reads as careless.',
    fix: 'Show `head()` or summaries instead of whole tables, silence verbose training logs, save large figures to files, or strip outputs before committing.',
    limitations:
      'Sizes are approximations of the stored JSON; notebooks too large to read are reported by NB104 instead.',
  },
  run({ facts, options, fail, notApplicable }) {
    const readable = facts.notebooks.notebooks.filter((nb) => nb.error === undefined && nb.cells.length > 0);
    if (readable.length === 0) {
      notApplicable('no readable notebooks');
      return;
    }
    for (const nb of readable) {
      let total = 0;
      let biggest = nb.cells[0]!;
      for (const cell of nb.cells) {
        total += cell.outputs.bytes;
        if (cell.outputs.bytes > biggest.outputs.bytes) biggest = cell;
      }
      if (total > options.maxOutputBytes) {
        fail(
          'hugeOutputs',
          {
            file: nb.path,
            mb: megabytes(total),
            cell: biggest.index + 1,
            cellMb: megabytes(biggest.outputs.bytes),
          },
          { file: nb.path, cell: biggest.index },
        );
      }
    }
  },
});
