import { defineCheck } from '../types.js';
import { listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG106',
  name: 'cookie-cutter-notebook',
  title: 'More than the stock load → split → fit → score notebook',
  principle: 'new-tools',
  severity: 'medium',
  status: 'preview',
  needs: ['signals', 'python', 'notebooks'],
  messages: {
    stock: '{{notebook}} is the stock recipe ({{steps}}) and the project has nothing beyond it.',
    beyond: 'Goes beyond the stock notebook recipe: {{extra}}.',
  },
  options: {
    /** Lines of code in Python modules (outside notebooks) that count as the project having its own code. */
    minModuleLines: 30,
  },
  advice:
    'Take the project past read_csv → train_test_split → fit → accuracy: collect data, write modules, try a new tool.',
  docs: {
    what: 'Finds notebooks whose code is the stock recipe (read a CSV or a bundled data set, glance at it, train_test_split, fit, print accuracy/F1/a classification report) and fails when that is the whole project: no data collection, no pretrained model, no Python modules of its own.',
    why: 'Hiring managers have seen this notebook hundreds of times; it shows you finished a course, not what you can do. A sixth project with the same shape teaches you nothing new and gives an interviewer nothing to ask about.',
    fix: 'Keep the notebook for exploration, but add something the recipe lacks: your own data, a model outside scikit-learn, code moved into modules with tests, an error analysis, or a small app that uses the model.',
    limitations:
      'Reads calls by name (read_csv, train_test_split, fit, accuracy_score …); a notebook that does the same through helper functions is not recognised. Not applicable without notebooks.',
  },
  run({ facts: { signals, python, notebooks }, options, fail, pass, notApplicable }) {
    if (notebooks.notebooks.length === 0) return notApplicable('no notebooks');
    const moduleLines = python.files
      .filter((f) => f.origin === 'module' && !f.generated)
      .reduce((sum, f) => sum + f.codeLines, 0);
    const extra: string[] = [];
    if (signals.collection.length > 0) extra.push('collects its own data');
    if (signals.pretrainedModels.length > 0) extra.push('uses pretrained models');
    if (moduleLines >= options.minModuleLines) extra.push(`${moduleLines} lines of code in modules`);
    const stock = signals.cookieCutterNotebooks;
    if (stock.length === 0) {
      return pass('beyond', {
        extra: extra.length > 0 ? extra.join(', ') : 'no notebook follows the stock recipe',
      });
    }
    if (extra.length > 0) return pass('beyond', { extra: extra.join(', ') });
    for (const nb of stock) {
      const evidence = nb.cell === undefined ? { file: nb.file } : { file: nb.file, cell: nb.cell };
      fail(
        'stock',
        {
          notebook: nb.file,
          steps: listOf(
            nb.steps.map((s) => s.split(':')[0]!),
            6,
          ),
        },
        { ...evidence, note: nb.steps.join(' → ') },
      );
    }
  },
});
