import { clip } from '../quote.js';
import { defineCheck } from '../types.js';
import { firstEvidence, listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG103',
  name: 'paper-replication',
  title: 'Replicates a published paper',
  principle: 'replicate-papers',
  severity: 'medium',
  status: 'preview',
  needs: ['signals'],
  messages: {
    none: 'No paper is cited or replicated.',
    citedOnly: 'Cites {{papers}} but does not say it replicates or re-implements a paper.',
    replicates: 'Replicates or re-implements a paper ({{papers}}): {{text}}',
  },
  options: {},
  advice: 'Replicate a recent paper, ideally on new data, and say which one and what you reproduced.',
  docs: {
    what: 'Looks for paper identifiers (arXiv ids, DOIs, OpenReview, ACL Anthology, NeurIPS/PMLR and Papers with Code links) together with a sentence that claims to replicate, reproduce or re-implement a paper, in the README, notebooks and code.',
    why: 'Replicating a paper shows you can read research, turn it into working code and check claims, which few junior candidates show. It gives a hiring manager something concrete to discuss, and it stands out from the usual tutorial projects. This principle is a bonus: absence does not lower the total.',
    fix: "Pick a recent paper close to your interests, re-implement its key experiment (maybe on your own data), cite it with its arXiv id or DOI in the README, and compare your numbers with the paper's.",
    limitations:
      'Needs both a paper identifier and a replication sentence; a paper named only by title, or a claim written in a PDF, is missed. "To reproduce the results, run …" instructions do not count as a replication claim.',
  },
  run({ facts: { signals }, fail, pass }) {
    const papers = listOf(
      signals.paperReferences.map((p) => p.id),
      3,
    );
    const refs = firstEvidence(signals.paperReferences, (p) => p.id, 3);
    if (signals.paperReferences.length > 0 && signals.replicationPhrases.length > 0) {
      return pass('replicates', { papers, text: clip(signals.replicationPhrases[0]!.text, 160) }, [
        ...firstEvidence(signals.replicationPhrases, (p) => p.text, 2),
        ...refs,
      ]);
    }
    if (signals.paperReferences.length > 0) return fail('citedOnly', { papers }, refs);
    fail('none');
  },
});
