import { defineCheck } from '../types.js';
import { describeSpan } from './duration.js';
import { commitEvidence } from './evidence.js';
import { shallowReason } from './shallow.js';

export default defineCheck({
  code: 'GIT102',
  name: 'short-project-span',
  title: 'Worked on for six weeks or more',
  principle: 'one-deep-project',
  severity: 'high',
  status: 'preview',
  needs: ['git'],
  messages: {
    noCommits: 'The repository has no commits yet, so it shows no time spent on the project.',
    short: 'The history spans {{span}}, from first to last commit; a deep project takes {{min}} or more.',
    long: 'The history spans {{span}}, from first to last commit.',
  },
  options: {
    /** Days from the first to the last human commit for full credit (six weeks). */
    minSpanDays: 42,
  },
  advice: 'Keep building the same project for six weeks or more, committing as you go.',
  docs: {
    what: 'Measures the days between the first and the last commit by a person (bots left out) and gives credit in proportion up to six weeks.',
    why: 'A project done in a weekend looks like every other tutorial. Six weeks of work on one problem shows persistence and depth, and gives you real decisions to talk about in an interview.',
    fix: 'Pick one project and keep improving it: more data, a better baseline, error analysis, a small app. Commit each step so the dates show it.',
    limitations:
      'Commit dates are what the committer says they are and can be rewritten; a project developed elsewhere and pushed later looks short. Unknown for a shallow clone; an empty repository fails.',
  },
  run({ facts: { git }, options, fail, pass, unknown, credit }) {
    const shallow = shallowReason(git);
    if (shallow) return unknown(shallow);
    if (git.empty || git.humanCommitCount === 0) return fail('noCommits');
    const evidence = [...commitEvidence(git, git.firstCommit), ...commitEvidence(git, git.lastCommit)];
    const unique = evidence.filter((e, i) => evidence.findIndex((o) => o.commit === e.commit) === i);
    credit(options.minSpanDays > 0 ? git.spanDays / options.minSpanDays : 1);
    if (git.spanDays < options.minSpanDays) {
      return fail(
        'short',
        { span: describeSpan(git.spanDays), min: describeSpan(options.minSpanDays) },
        unique,
      );
    }
    pass('long', { span: describeSpan(git.spanDays) }, unique);
  },
});
