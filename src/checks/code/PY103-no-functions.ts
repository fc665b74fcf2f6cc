import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'PY103',
  name: 'no-functions',
  title: 'Long code is organised into functions',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['python'],
  messages: {
    noFunctions: '{{file}} has {{lines}} lines of code and not a single function',
  },
  options: { minCodeLines: 150 },
  advice: 'Break long top-level scripts into named functions that each do one step.',
  docs: {
    what: 'Python files and notebooks with many lines of code but no `def` at all: one long top-level script.',
    why: 'Functions are how a reader finds the steps of your work, and how you test and reuse them. Hundreds of top-level lines tell an interviewer you have not yet made the jump from scripting to programming.',
    fix: 'Group the code into functions (`load_data`, `build_features`, `train`, `evaluate`) with clear inputs and outputs, and call them from a short main block or notebook.',
    limitations:
      'Counts non-blank, non-comment lines; notebook exports and files the parser skipped are ignored. Lambdas do not count as functions.',
  },
  run({ facts, options, fail, notApplicable }) {
    const withFunctions = new Set(facts.python.defs.filter((d) => d.kind === 'function').map((d) => d.file));
    const long = facts.python.files.filter(
      (f) => f.skipped === undefined && !f.generated && f.codeLines >= options.minCodeLines,
    );
    if (long.length === 0) {
      notApplicable(`no Python file or notebook with ${options.minCodeLines} or more lines of code`);
      return;
    }
    for (const file of long) {
      if (!withFunctions.has(file.path))
        fail('noFunctions', { file: file.path, lines: file.codeLines }, { file: file.path });
    }
  },
});
