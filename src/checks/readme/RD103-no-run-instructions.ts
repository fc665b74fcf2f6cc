import { defineCheck } from '../types.js';
import { readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD103',
  name: 'no-run-instructions',
  title: 'The README says how to run the project',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['readme'],
  messages: {
    noCommands: '{{file}} gives no command to install or run the project',
    sectionWithoutCommands: '{{file}} has a "{{section}}" section but no command in it to copy',
    commands: '{{file}} shows how to run it: {{command}}',
  },
  options: {},
  advice:
    'Add the exact commands to set up and run the project (e.g. `pip install -r requirements.txt` then `python main.py`).',
  docs: {
    what: 'A README with no shell command to set up or run the project: no `pip install`, `conda env create`, `python …py`, `make`, `docker run`, `streamlit run`, `jupyter notebook` … in a shell code block or inline code.',
    why: 'A reviewer who wants to check your results needs to know how to run them. Without commands they have to reverse-engineer the project, and "I could not run it" is a common reason a portfolio is set aside.',
    fix: 'Add a "How to run" section with a shell code block: the environment setup, then the one command that reproduces the results.',
    limitations:
      'Commands described only in prose ("open the notebook and run all cells") are not recognised.',
  },
  run({ facts, fail, pass, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    const first = readme.runCommands[0];
    if (first) {
      pass(
        'commands',
        { file: readme.path, command: first.command },
        { file: readme.path, line: first.line },
      );
      return;
    }
    const howTo = readme.sections.find((s) => s.kind === 'how-to-run' || s.kind === 'installation');
    if (howTo) {
      fail(
        'sectionWithoutCommands',
        { file: readme.path, section: howTo.title },
        { file: readme.path, line: howTo.line },
      );
    } else {
      fail('noCommands', { file: readme.path }, { file: readme.path, line: 1 });
    }
  },
});
