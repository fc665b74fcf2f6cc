import { defineCheck } from '../types.js';
import { commitEvidence } from './evidence.js';
import { shallowReason } from './shallow.js';

export default defineCheck({
  code: 'GIT105',
  name: 'no-branches-or-merges',
  title: 'Uses branches and merges',
  principle: 'boring-skills',
  severity: 'low',
  status: 'preview',
  needs: ['git'],
  messages: {
    single: 'All work is on one branch ("{{branch}}") and nothing was ever merged.',
    used: '{{branches|branch|branches}} and {{merges|merge commit}} show a branch-and-merge workflow.',
  },
  options: {},
  advice: 'Do the next piece of work on a branch and merge it with a pull request.',
  docs: {
    what: 'Fails when the repository has a single branch (local and remote copies of one branch count once) and no merge commit in its history.',
    why: "Every data team works with branches and pull requests. A history that shows them tells a hiring manager you can join a team's workflow on day one; a single straight line does not.",
    fix: 'Start the next feature (a new model, a data source, the app) on its own branch, open a pull request, and merge it, even when you work alone.',
    limitations:
      'Merged branches are usually deleted, so only merge commits show them; squash and rebase merges leave no merge commit and look like no branching. A cloned repository shows only the branches the clone fetched. Not applicable to an empty repository; unknown for a shallow clone.',
  },
  run({ facts: { git }, fail, pass, unknown, notApplicable }) {
    const shallow = shallowReason(git);
    if (shallow) return unknown(shallow);
    if (git.empty) return notApplicable('the repository has no commits yet');
    const branches = git.distinctBranches.length;
    if (branches <= 1 && git.mergeCommits === 0) {
      return fail(
        'single',
        { branch: git.currentBranch ?? git.distinctBranches[0] ?? 'HEAD' },
        commitEvidence(git, git.lastCommit),
      );
    }
    const merge = git.commits.find((c) => c.parents > 1);
    pass(
      'used',
      { branches, merges: git.mergeCommits },
      merge ? [{ commit: merge.hash, note: merge.subject }] : [],
    );
  },
});
