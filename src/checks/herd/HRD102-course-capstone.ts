import { defineCheck } from '../types.js';
import { percent, toEvidence } from './evidence.js';

export default defineCheck({
  code: 'HRD102',
  name: 'course-capstone',
  title: 'The project is not a course capstone',
  principle: 'original-problem',
  severity: 'high',
  status: 'preview',
  needs: ['herd'],
  options: { minConfidence: 0.6 },
  messages: {
    capstone: 'Looks like the {{name}} ({{course}}; {{confidence}} sure)',
    none: 'No course capstone recognised',
  },
  advice:
    'Present the course capstone as coursework and lead your portfolio with a project whose question you chose.',
  docs: {
    what: 'Recognises projects that thousands of people publish from the same course brief — the IBM SpaceX Falcon 9 and “Battle of the Neighborhoods” capstones, Udacity’s disaster-response pipeline, WeRateDogs wrangling, Starbucks and Arvato capstones, Google’s Cyclistic case study, internship task sets — by their distinctive files, README phrases, course download URLs and repository names.',
    why: 'Recruiters who screen data-science applicants see the same capstone every week. It proves you finished a course, which your CV already says; it does not show judgement, because the problem, the data and often the code skeleton were handed to you.',
    fix: 'Keep the capstone, but label it as coursework and do not make it your flagship. Extend it with something the brief did not ask for (new data, a deployed app, an honest error analysis) or start a project of your own choosing.',
    limitations:
      'Only capstones in the catalogue are recognised (add your bootcamp’s briefs with `--catalogue`). A project that starts from a capstone and grows far beyond it is still flagged: say so in the README and ignore the finding with a reason.',
  },
  run({ facts, options, fail, pass }) {
    const hits = facts.herd.capstones.filter(
      (c) => c.confidence >= options.minConfidence && c.role === 'flagship',
    );
    for (const c of hits)
      fail('capstone', { name: c.name, course: c.detail, confidence: percent(c.confidence) }, toEvidence(c));
    if (hits.length === 0) pass('none');
  },
});
