import { defineCheck } from '../types.js';
import { shallowReason } from './shallow.js';

export default defineCheck({
  code: 'GIT104',
  name: 'low-information-commit-messages',
  title: 'Commit messages say what changed',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['git'],
  messages: {
    vague:
      '{{count}} of {{judged}} commit messages ({{percent}}%) say nothing about the change, such as "{{example}}".',
    clear: '{{descriptive}} of {{judged}} commit messages describe the change.',
  },
  options: {
    /** Share of low-information subjects that fails the check. */
    maxLowInformationShare: 0.3,
    /** Fewer own commits than this are too few to judge a habit. */
    minCommits: 3,
  },
  advice: 'Write commit messages that say what changed and why, like "Add a median baseline for fares".',
  docs: {
    what: 'Counts commit subjects that carry no information ("update", "fix", "final", "wip", "asdf", GitHub\'s default "Update README.md" or "Add files via upload") among the candidate\'s own commits (merges and bots left out), and fails when they are 30% or more.',
    why: 'Teams read each other\'s history every day. Messages like "update" tell a hiring manager you have not worked where others depend on your commits, and make your own history useless to you.',
    fix: 'Write a short imperative subject that names the change ("Drop stations with fewer than 10 trips"); add a body for the why when it is not obvious. Going forward is enough; do not rewrite published history just for this.',
    limitations:
      "Judges the subject line only, in English, by a list of empty words and GitHub's default messages; a body that explains a terse subject is not read. Not applicable with fewer than three own commits; unknown for a shallow clone.",
  },
  run({ facts: { git }, options, fail, pass, unknown, notApplicable, credit }) {
    const shallow = shallowReason(git);
    if (shallow) return unknown(shallow);
    const { judged, lowInformation, descriptive, examples } = git.messages;
    if (judged < options.minCommits) {
      return notApplicable(`only ${judged} commit message(s) of the candidate's own: too few to judge`);
    }
    const share = lowInformation / judged;
    credit(1 - share);
    if (share >= options.maxLowInformationShare) {
      return fail(
        'vague',
        {
          count: lowInformation,
          judged,
          percent: Math.round(share * 100),
          example: examples[0]?.subject ?? '',
        },
        examples.map((e) => ({ commit: e.hash, note: e.subject })),
      );
    }
    pass('clear', { descriptive, judged });
  },
});
