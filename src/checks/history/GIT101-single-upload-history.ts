import { defineCheck } from '../types.js';
import { commitEvidence } from './evidence.js';
import { shallowReason } from './shallow.js';

export default defineCheck({
  code: 'GIT101',
  name: 'single-upload-history',
  title: 'The project grew over many commits',
  principle: 'one-deep-project',
  severity: 'high',
  status: 'preview',
  needs: ['git'],
  messages: {
    noCommits: 'The repository has no commits yet: nothing shows how the work grew.',
    fewCommits: 'The whole project arrived in {{count|commit}}.',
    oneCommitHoldsAll:
      'One commit ("{{subject}}") added {{percent}}% of all source lines ({{lines}} of {{total}}).',
    grew: 'The work arrived over {{count}} commits; the largest holds {{percent}}% of the source lines.',
  },
  options: {
    /** Fewer own commits than this is an upload, not a history. */
    minCommits: 3,
    /** A single commit holding at least this share of all source lines inserted. */
    maxLargestShare: 0.8,
    /** Below this many source lines in that commit, the project is too small to judge by share. */
    minLinesForShare: 200,
  },
  advice: 'Commit as you work, in small steps, so the history shows how the project grew.',
  docs: {
    what: 'Flags a project that arrived in one or two commits, or where one commit (often "Add files via upload") holds most of the source lines.',
    why: 'A hiring manager opens the history to see how you work. One upload hides every decision, looks like a finished course exercise copied in, and gives no evidence of the weeks you say you spent.',
    fix: 'Keep working in git: commit each step (data loading, cleaning, a baseline, each model) with a message that says what changed. Do not squash the history away before publishing.',
    limitations:
      "Counts lines in code, notebooks, docs and config; data files, lock files and exports (csv, json, txt, html, svg …) are left out, but a notebook with large outputs still counts in full. Bot commits and merges count as commits but not as the candidate's own. Unknown for a shallow clone; an empty repository (no commits) fails, since nothing shows the work.",
  },
  run({ facts: { git }, options, fail, pass, unknown, credit }) {
    const shallow = shallowReason(git);
    if (shallow) return unknown(shallow);
    if (git.empty || git.humanCommitCount === 0) return fail('noCommits');
    const own = git.commits.filter((c) => !c.isBot && c.parents <= 1);
    if (own.length < options.minCommits) {
      credit(0);
      return fail(
        'fewCommits',
        { count: own.length },
        own.map((c) => ({ commit: c.hash, note: c.subject })),
      );
    }
    const largest = git.largestCommit;
    if (!largest) return pass('grew', { count: own.length, percent: 0 });
    const percent = Math.round(largest.share * 100);
    const total = Math.round(largest.insertions / Math.max(largest.share, Number.EPSILON));
    if (largest.share >= options.maxLargestShare && largest.insertions >= options.minLinesForShare) {
      // Partial credit: the commits around the upload still show some work.
      credit(Math.max(0, 1 - largest.share));
      return fail(
        'oneCommitHoldsAll',
        { subject: largest.subject, percent, lines: largest.insertions, total },
        commitEvidence(git, largest.hash),
      );
    }
    pass('grew', { count: own.length, percent }, commitEvidence(git, git.firstCommit));
  },
});
