import { defineCheck } from '../types.js';
import { readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD107',
  name: 'no-limitations',
  title: 'The README discusses limitations or next steps',
  principle: 'value-over-decimals',
  severity: 'low',
  status: 'preview',
  needs: ['readme'],
  messages: {
    missing: '{{file}} has no section on limitations, caveats or next steps',
  },
  options: {},
  routeAdvice: {
    replication:
      'Add a section on what did not reproduce and why, and the ablations you ran beyond the paper.',
    'tool-pipeline':
      'Add a short "Limitations" section: what the tool does not handle yet and what it was tested on.',
  },
  advice:
    'Add a short "Limitations and next steps" section: what the model cannot do and what you would try next.',
  docs: {
    what: 'A README without a section headed limitations, caveats, future work, next steps or similar.',
    why: 'Saying what your work cannot do shows judgement; hiring managers trust candidates who know the weak spots of their own model more than those who only report a score.',
    fix: 'Add a "Limitations" or "Next steps" section with two or three honest points.',
    limitations: 'Only headings are checked; limitations discussed inside other sections are missed.',
  },
  run({ facts, fail, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    if (!readme.sections.some((s) => s.kind === 'limitations')) {
      fail('missing', { file: readme.path }, { file: readme.path, line: 1 });
    }
  },
});
