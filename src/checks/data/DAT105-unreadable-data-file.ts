import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DAT105',
  name: 'unreadable-data-file',
  title: 'Data files are what their names say',
  principle: 'runnable',
  severity: 'low',
  status: 'preview',
  needs: ['data'],
  messages: {
    unreadable: '{{file}} cannot be read as {{format}}: {{reason}}',
  },
  options: {},
  advice: 'Fix or remove data files that are corrupt, empty or mislabelled.',
  docs: {
    what: 'Data files whose first bytes contradict their extension or cannot be parsed: binary in a `.csv`, a `.parquet` without a valid footer, a `.xlsx` that is really CSV text, an empty file.',
    why: 'A corrupt or mislabelled data file breaks the first run for anyone who tries the project, and suggests files were renamed or half-uploaded without being checked.',
    fix: 'Re-export the file in the format its name says (or rename it), re-upload a complete copy, or delete it if it is not used.',
    limitations:
      'Only the header (CSV) or footer (Parquet) and the first bytes of other formats are checked; damage in the middle of a file is not seen.',
  },
  run({ facts, fail, notApplicable }) {
    if (facts.data.files.length === 0) {
      notApplicable('no data files');
      return;
    }
    for (const file of facts.data.files) {
      if (file.error === undefined) continue;
      fail('unreadable', { file: file.path, format: file.format, reason: file.error }, { file: file.path });
    }
  },
});
