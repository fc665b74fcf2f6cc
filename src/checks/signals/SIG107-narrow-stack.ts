import { defineCheck } from '../types.js';
import { listOf } from './evidence.js';

/** The libraries every introductory course teaches; a project using only these stretches nobody. */
const BASIC = new Set(['pandas', 'numpy', 'scikit-learn', 'matplotlib', 'seaborn', 'scipy']);

export default defineCheck({
  code: 'SIG107',
  name: 'narrow-stack',
  title: 'Uses tools beyond the introductory stack',
  principle: 'new-tools',
  severity: 'low',
  status: 'preview',
  needs: ['signals'],
  messages: {
    basicOnly: 'Uses only the introductory stack ({{libraries}}).',
    wider: 'Goes beyond the introductory stack with {{libraries}}.',
  },
  options: {},
  advice:
    'Learn one new tool in this project (e.g. polars, DuckDB, PyTorch, spaCy, MLflow, Streamlit) and say in the README why you chose it.',
  docs: {
    what: 'Groups the libraries the code imports by role (data, ml, dl, nlp, cv, audio, viz, app, orchestration …) and fails when every one of them is in the introductory set: pandas, NumPy, scikit-learn, Matplotlib, seaborn, SciPy.',
    why: 'Each project should stretch you. A hiring manager reading a portfolio where every project uses the same four libraries sees someone repeating a course, not someone learning; one new tool used well gives you a story for the interview.',
    fix: 'Choose a tool that fits the problem and is new to you: a faster data frame (polars, DuckDB), a deep-learning library, an NLP or vision library, experiment tracking, or a small web app, and explain the choice.',
    limitations:
      'Counts imports only; tools used from the command line (dbt, DVC) or in another language are not seen. Libraries not in the role table are ignored. Not applicable when no known library is imported.',
  },
  run({ facts: { signals }, fail, pass, notApplicable }) {
    if (signals.stack.length === 0) return notApplicable('no known data-science library imported');
    const beyond = signals.stack.filter((s) => !BASIC.has(s.library));
    if (beyond.length === 0)
      return fail('basicOnly', {
        libraries: listOf(
          signals.stack.map((s) => s.library),
          6,
        ),
      });
    pass('wider', {
      libraries: listOf(
        beyond.map((s) => `${s.library} (${s.role})`),
        6,
      ),
    });
  },
});
