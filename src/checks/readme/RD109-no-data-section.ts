import { defineCheck } from '../types.js';
import { readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD109',
  name: 'no-data-section',
  title: 'The README says where the data comes from',
  principle: 'runnable',
  severity: 'medium',
  status: 'preview',
  needs: ['readme'],
  messages: {
    missing: '{{file}} has no section on the data: where it comes from and how to get it',
    tooShort: '{{file}}: the "{{section}}" section has only {{words}} words',
  },
  options: { minWords: 10 },
  advice:
    'Add a "Data" section: the source (with a link), how it was collected, its licence, and how to download it.',
  docs: {
    what: 'A README without a data/dataset section of at least `minWords` words.',
    why: 'A stranger cannot rerun the project without the data, and a hiring manager wants to know whether you collected it yourself or downloaded a stock dataset. Both questions start in the data section.',
    fix: 'Add a "Data" section naming the source with a link, the date range, the licence and the command or script that fetches it.',
    limitations: 'Recognised by heading; a data description under another heading is missed.',
  },
  run({ facts, options, fail, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    const data = readme.sections.filter((s) => s.kind === 'data');
    if (data.some((s) => s.words >= options.minWords)) return;
    const short = data[0];
    if (short) {
      fail(
        'tooShort',
        { file: readme.path, section: short.title, words: short.words },
        { file: readme.path, line: short.line },
      );
    } else {
      fail('missing', { file: readme.path }, { file: readme.path, line: 1 });
    }
  },
});
