import { defineCheck } from '../types.js';
import { commitEvidence } from './evidence.js';
import { shallowReason } from './shallow.js';

export default defineCheck({
  code: 'GIT103',
  name: 'few-active-days',
  title: 'Work spread over many days',
  principle: 'one-deep-project',
  severity: 'medium',
  status: 'preview',
  needs: ['git'],
  messages: {
    noCommits: 'The repository has no commits yet, so no day of work shows.',
    // No second figure for the history's length here: GIT102 and the summary state the span once.
    few: 'Commits fall on only {{days|day}}; steady work shows on {{min}} or more days.',
    many: 'Commits fall on {{days}} different days.',
  },
  options: {
    /** Distinct days with a human commit for full credit (about two a week over six weeks). */
    minActiveDays: 12,
  },
  advice: 'Work on the project regularly and commit on each day you work on it.',
  docs: {
    what: 'Counts the distinct calendar days (UTC) with at least one commit by a person and gives credit in proportion up to twelve days.',
    why: "A long span with two bursts of work is not six weeks of work. Steady activity tells a hiring manager you can keep a project moving, which is most of a data scientist's job.",
    fix: 'Commit each working session, even small steps, instead of saving everything for one big commit at the end.',
    limitations:
      'Days are counted in UTC, so late-evening work may land on the next day. Someone who works for a week without committing looks idle. Unknown for a shallow clone; an empty repository fails.',
  },
  run({ facts: { git }, options, fail, pass, unknown, credit }) {
    const shallow = shallowReason(git);
    if (shallow) return unknown(shallow);
    if (git.empty || git.humanCommitCount === 0) return fail('noCommits');
    const data = { days: git.activeDays, min: options.minActiveDays };
    const evidence = commitEvidence(git, git.lastCommit);
    credit(options.minActiveDays > 0 ? git.activeDays / options.minActiveDays : 1);
    if (git.activeDays < options.minActiveDays) return fail('few', data, evidence);
    pass('many', data, evidence);
  },
});
