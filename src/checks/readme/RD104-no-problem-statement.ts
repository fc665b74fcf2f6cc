import { countWords } from '../../collectors/readme/patterns.js';
import { defineCheck } from '../types.js';
import { readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD104',
  name: 'no-problem-statement',
  title: 'The README states the problem and who it is for',
  principle: 'value-over-decimals',
  severity: 'medium',
  status: 'preview',
  needs: ['readme'],
  messages: {
    missing: '{{file}} does not say what problem the project solves or for whom',
    tooShort: '{{file}}: the "{{section}}" section has only {{words}} words',
  },
  options: { minWords: 25 },
  routeAdvice: {
    replication: 'Open the README with the paper, the claim you set out to check, and what you found.',
    'tool-pipeline':
      'Open the README with who uses the tool, what it saves them, and a one-line example of it running.',
  },
  advice:
    'Open the README with the problem: who has it, why it matters, and what a good answer would let them do.',
  docs: {
    what: 'A README with neither a problem/motivation/overview section of at least `minWords` words nor an opening paragraph that long.',
    why: 'Hiring managers look for people who start from a real question and a user, not from a dataset and an algorithm. A project that never says what problem it solves looks like an exercise.',
    fix: 'Add a "Problem" or "Motivation" section: who needs this, what decision it supports, what success looks like.',
    limitations: 'Recognises problem statements by section headings and paragraph length, not by meaning.',
  },
  run({ facts, options, fail, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    const problem = readme.sections.filter((s) => s.kind === 'problem');
    if (problem.some((s) => s.words >= options.minWords)) return;
    if (readme.intro && countWords(readme.intro) >= options.minWords) return;
    const short = problem[0];
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
