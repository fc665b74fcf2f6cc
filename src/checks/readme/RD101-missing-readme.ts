import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'RD101',
  name: 'missing-readme',
  title: 'The repository has a README',
  principle: 'clean-code',
  severity: 'high',
  status: 'preview',
  needs: ['readme'],
  messages: {
    missing: 'No README at the root, in .github/ or in docs/',
    unreadable: '{{file}} cannot be read: {{reason}}',
  },
  options: {},
  advice:
    'Write a README.md that says what problem the project solves, where the data comes from and how to run it.',
  docs: {
    what: 'A repository without a README (README.md, .rst or .txt at the root, in .github/ or docs/), or with one that is not readable text.',
    why: 'The README is the first and often the only thing a hiring manager opens. Without it they have to guess what the project is, and most will not spend the time: the repository reads as unfinished.',
    fix: 'Add a README.md with the problem, the data, the approach, the results and the commands to reproduce them.',
    limitations:
      'Only the usual file names are recognised; a write-up kept in a notebook or a PDF does not count.',
  },
  run({ facts, fail }) {
    const readme = facts.readme;
    if (!readme.present || readme.path === null) {
      fail('missing');
      return;
    }
    if (readme.error !== undefined) {
      fail('unreadable', { file: readme.path, reason: readme.error }, { file: readme.path });
    }
  },
});
