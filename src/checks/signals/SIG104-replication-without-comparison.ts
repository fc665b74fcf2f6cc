import { clip } from '../quote.js';
import { defineCheck } from '../types.js';
import { firstEvidence } from './evidence.js';

export default defineCheck({
  code: 'SIG104',
  name: 'replication-without-comparison',
  title: "Compares its results with the paper's",
  principle: 'replicate-papers',
  severity: 'low',
  status: 'preview',
  needs: ['signals'],
  messages: {
    noComparison: "Claims to replicate a paper but never puts its numbers next to the paper's reported ones.",
    compares: "Compares with the paper's reported results: {{text}}",
  },
  options: {},
  advice: "Add a table of the paper's reported numbers next to yours, and explain the differences.",
  routeAdvice: {
    replication:
      "Put the paper's reported table next to your numbers, row for row, and say which results did not reproduce and why.",
  },
  docs: {
    what: 'When the repository claims to replicate or re-implement a paper, looks for a sentence or a table that sets the paper\'s reported numbers against the replication\'s ("paper: 0.91, ours: 0.89", a "| Paper | Ours |" table).',
    why: 'A replication is only as convincing as its comparison. A hiring manager wants to see that you checked your result against the original and can explain a gap; that is the scientific habit the project is meant to show.',
    fix: "In the README, add a small table with the paper's reported metric, your result, and the data or setup differences, then a sentence on why they differ.",
    limitations:
      'Looks for wording and table headers in the README and notebook Markdown; a comparison shown only in a plot or printed by code is missed. Not applicable when no replication claim is found.',
  },
  run({ facts: { signals }, fail, pass, notApplicable }) {
    if (signals.replicationPhrases.length === 0) return notApplicable('no replication claim found');
    if (signals.paperComparisons.length > 0) {
      return pass(
        'compares',
        { text: clip(signals.paperComparisons[0]!.text, 160) },
        firstEvidence(signals.paperComparisons, (p) => p.text, 3),
      );
    }
    fail(
      'noComparison',
      {},
      firstEvidence(signals.replicationPhrases, (p) => p.text, 3),
    );
  },
});
