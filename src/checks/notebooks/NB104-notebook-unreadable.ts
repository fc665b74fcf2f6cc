import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'NB104',
  name: 'notebook-unreadable',
  title: 'Every notebook opens',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    unreadable: '{{file}} cannot be opened as a notebook: {{reason}}',
  },
  options: {},
  advice: 'Repair or remove the notebooks that do not open (often a merge conflict or a half-saved file).',
  docs: {
    what: 'Files named `.ipynb` that are not valid notebook JSON: broken by a merge conflict, truncated, binary, or too large to read.',
    why: 'A notebook that does not open in Jupyter or on GitHub is invisible work: the reviewer sees an error page instead of the analysis, and wonders what else is broken.',
    fix: 'Open the file in a text editor, resolve conflict markers or restore it from an earlier commit; for huge notebooks, clear the outputs.',
    limitations: 'Notebooks above the configured byte limit are reported here without being read.',
  },
  run({ facts, fail, notApplicable }) {
    if (facts.notebooks.notebooks.length === 0) {
      notApplicable('no notebooks');
      return;
    }
    for (const nb of facts.notebooks.notebooks) {
      if (nb.error !== undefined) fail('unreadable', { file: nb.path, reason: nb.error }, { file: nb.path });
    }
  },
});
