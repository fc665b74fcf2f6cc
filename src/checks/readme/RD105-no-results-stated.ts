import { clip } from '../quote.js';
import { defineCheck } from '../types.js';
import { claimsNoModel, readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD105',
  name: 'no-results-stated',
  title: 'The README states results with numbers',
  principle: 'value-over-decimals',
  severity: 'medium',
  status: 'preview',
  needs: ['readme'],
  messages: {
    missing: '{{file}} states no result (no metric with a number such as "F1 0.81" or "RMSE 2.7")',
    sectionWithoutNumbers: '{{file}}: the "{{section}}" section gives no metric with a number',
    stated: '{{file}} states a result: {{text}}',
  },
  options: {},
  routeAdvice: {
    replication:
      "State your reproduced numbers in the README beside the paper's, in the metric the paper uses.",
  },
  advice:
    'State the headline result in the README with its metric and number, next to what it means for the user.',
  docs: {
    what: 'A README that names no evaluation metric with a number (accuracy, F1, RMSE, AUC, R² …), in prose or in a results table.',
    why: 'A reviewer skimming a portfolio wants the outcome in ten seconds. If the result is buried in a notebook output, or missing, they cannot tell whether the project worked.',
    fix: 'Add a "Results" section with the main metric on held-out data, compared with a baseline, and what it means in plain words.',
    limitations:
      'Only common metric names are recognised; a result stated in business terms only ("saves 3 hours a week") is missed. Not applicable to a tool, pipeline or data-collection project that trains no model: it is judged on its output, not on a metric it does not claim.',
  },
  run({ facts, route, fail, pass, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    if (claimsNoModel(route, notApplicable)) return;
    const first = readme.metrics[0];
    if (first) {
      pass(
        'stated',
        { file: readme.path, text: clip(first.text, 160) },
        { file: readme.path, line: first.line },
      );
      return;
    }
    const results = readme.sections.find((s) => s.kind === 'results');
    if (results) {
      fail(
        'sectionWithoutNumbers',
        { file: readme.path, section: results.title },
        { file: readme.path, line: results.line },
      );
    } else {
      fail('missing', { file: readme.path }, { file: readme.path, line: 1 });
    }
  },
});
