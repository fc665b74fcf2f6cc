import { clip } from '../quote.js';
import { defineCheck } from '../types.js';
import { claimsNoModel, readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD106',
  name: 'no-baseline',
  title: 'The README compares the model with a baseline',
  principle: 'value-over-decimals',
  severity: 'medium',
  status: 'preview',
  needs: ['readme'],
  messages: {
    missing: '{{file}} never compares the result with a baseline',
    mentioned: '{{file}} compares with a baseline: {{text}}',
    paperBaseline:
      "The paper's reported numbers are the baseline, and the replication sets its own beside them",
    noPaperBaseline:
      "{{file}} never sets the replication's numbers beside the paper's, which are its baseline",
  },
  options: {},
  routeAdvice: {
    replication: "Put the paper's reported numbers beside yours: for a replication they are the baseline.",
  },
  advice: 'Report a simple baseline (majority class, last value, a linear model) next to your result.',
  docs: {
    what: 'A README that never mentions a baseline, benchmark, dummy/majority-class model or naive forecast.',
    why: '"92% accuracy" means nothing if always predicting the majority class gives 90%. Stating a baseline shows a hiring manager you know how to judge whether a model adds value, which matters more than the last decimal.',
    fix: 'Add the score of a simple baseline to the results and say how much your approach improves on it.',
    limitations:
      "Looks for the words, not for an actual comparison; a baseline only reported in a notebook is missed. For a replication the paper's reported numbers are the baseline (SIG104 finds the comparison). Not applicable to a tool, pipeline or data-collection project that trains no model.",
  },
  run({ facts, route, fail, pass, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    if (claimsNoModel(route, notApplicable)) return;
    if (route.id === 'replication') {
      if (route.comparesWithPaper) return pass('paperBaseline');
      return fail('noPaperBaseline', { file: readme.path }, { file: readme.path, line: 1 });
    }
    const section = readme.sections.find((s) => s.kind === 'baseline');
    const mention = readme.baselineMentions[0];
    if (mention) {
      pass(
        'mentioned',
        { file: readme.path, text: clip(mention.text, 160) },
        { file: readme.path, line: mention.line },
      );
    } else if (section) {
      pass(
        'mentioned',
        { file: readme.path, text: section.title },
        { file: readme.path, line: section.line },
      );
    } else {
      fail('missing', { file: readme.path }, { file: readme.path, line: 1 });
    }
  },
});
