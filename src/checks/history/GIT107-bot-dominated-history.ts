import { defineCheck } from '../types.js';
import { shallowReason } from './shallow.js';

export default defineCheck({
  code: 'GIT107',
  name: 'bot-dominated-history',
  title: "History is mostly the candidate's own commits",
  principle: 'one-deep-project',
  severity: 'medium',
  status: 'preview',
  needs: ['git'],
  messages: {
    bots: '{{bots}} of {{total}} commits ({{percent}}%) are by bots ({{names}}); the candidate made {{human}}.',
    human: '{{human}} of {{total}} commits are by people; {{bots}} by bots.',
  },
  options: {
    /** Share of commits by bots that fails the check. */
    maxBotShare: 0.5,
  },
  advice: "Make the project's progress your own commits, not dependency bumps and automated updates.",
  docs: {
    what: 'Fails when bots (Dependabot, Renovate, GitHub Actions, pre-commit.ci …) made half or more of the commits.',
    why: 'A busy-looking history made of dependency bumps shows automation, not your work. A hiring manager who notices will discount every other number on the page.',
    fix: 'Keep working on the project yourself; batch or pause automated update pull requests on a portfolio project.',
    limitations:
      'Bots are recognised by name and email ("[bot]", dependabot, renovate, github-actions …); a bot that commits under a person\'s name counts as that person. Not applicable to an empty repository; unknown for a shallow clone.',
  },
  run({ facts: { git }, options, fail, pass, unknown, notApplicable }) {
    const shallow = shallowReason(git);
    if (shallow) return unknown(shallow);
    if (git.empty) return notApplicable('the repository has no commits yet');
    const total = git.commitCount;
    const share = git.botCommits / total;
    const data = {
      bots: git.botCommits,
      human: git.humanCommitCount,
      total,
      percent: Math.round(share * 100),
    };
    if (share >= options.maxBotShare) {
      const names = git.authors
        .filter((a) => a.isBot)
        .map((a) => a.name)
        .join(', ');
      const examples = git.commits
        .filter((c) => c.isBot)
        .slice(0, 3)
        .map((c) => ({ commit: c.hash, note: c.subject }));
      return fail('bots', { ...data, names }, examples);
    }
    pass('human', data);
  },
});
