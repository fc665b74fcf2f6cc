import { defineCheck } from '../types.js';
import { readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD102',
  name: 'thin-readme',
  title: 'The README explains the project in some depth',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['readme'],
  messages: {
    thin: '{{file}} has {{words}} words of prose; a README that explains a project needs about {{min}}',
  },
  options: { minWords: 150 },
  advice: 'Grow the README into a short write-up: the problem, the data, what you did, what you found.',
  docs: {
    what: 'A README with fewer words of prose than `minWords` (code blocks not counted).',
    why: 'A two-line README ("my project", a title) tells a reviewer nothing about your thinking. Hiring managers judge how you communicate as much as your code, and a thin README reads as no effort.',
    fix: 'Write a few paragraphs: what question you asked, why it matters, the data, the approach and the result.',
    limitations: 'Counts words, not quality: a long README full of boilerplate passes.',
  },
  run({ facts, options, fail, credit, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    if (readme.words < options.minWords) {
      fail(
        'thin',
        { file: readme.path, words: readme.words, min: options.minWords },
        { file: readme.path, line: 1 },
      );
      credit(readme.words / options.minWords);
    }
  },
});
