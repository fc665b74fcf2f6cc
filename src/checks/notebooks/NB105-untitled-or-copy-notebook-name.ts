import { defineCheck } from '../types.js';

const PATTERNS: { re: RegExp; kind: string }[] = [
  { re: /(^|\/)\.ipynb_checkpoints\//, kind: 'a Jupyter autosave checkpoint' },
  { re: /^untitled[\d ()_-]*\.ipynb$/i, kind: 'an "Untitled" notebook' },
  { re: /^copy of /i, kind: 'a copy' },
  { re: /[-_ ]copy\d*\.ipynb$/i, kind: 'a copy' },
  { re: /[ _-]?\(\d+\)\.ipynb$/, kind: 'a duplicate download' },
];

function problemWith(path: string): string | null {
  if (PATTERNS[0]!.re.test(path)) return PATTERNS[0]!.kind;
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const { re, kind } of PATTERNS.slice(1)) if (re.test(base)) return kind;
  return null;
}

export default defineCheck({
  code: 'NB105',
  name: 'untitled-or-copy-notebook-name',
  title: 'Notebooks have names that say what they do',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['notebooks'],
  messages: {
    badName: '{{file}} looks like {{kind}}',
  },
  options: {},
  advice: 'Rename notebooks after what they do (01-clean-data.ipynb) and delete copies and checkpoints.',
  docs: {
    what: 'Notebooks called `Untitled.ipynb`, `… - Copy1.ipynb`, `… (1).ipynb`, or committed `.ipynb_checkpoints` autosaves.',
    why: 'Names are the table of contents of a project. "Untitled3" and "final-Copy2" tell a reviewer the repository was uploaded, not organised, and leave them guessing which notebook is the real one.',
    fix: 'Give each notebook a name that says its step (`02-feature-engineering.ipynb`), delete stale copies, and add `.ipynb_checkpoints/` to `.gitignore`.',
    limitations: 'Only file names are read; a well-named notebook with messy content passes.',
  },
  run({ facts, fail, notApplicable }) {
    if (facts.notebooks.notebooks.length === 0) {
      notApplicable('no notebooks');
      return;
    }
    for (const nb of facts.notebooks.notebooks) {
      const kind = problemWith(nb.path);
      if (kind) fail('badName', { file: nb.path, kind }, { file: nb.path });
    }
  },
});
