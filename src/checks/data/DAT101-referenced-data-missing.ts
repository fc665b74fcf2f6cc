import { defineCheck } from '../types.js';
import { referenceEvidence } from './evidence.js';

/** Places listed per finding; the message gives the count. */
const MAX_EVIDENCE = 10;

export default defineCheck({
  code: 'DAT101',
  name: 'referenced-data-missing',
  title: 'Data the code reads is in the repository or fetched by a script',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['data'],
  messages: {
    missing: '{{file}} reads {{target}}, which is not in the repository and nothing downloads it',
    missingMany:
      '{{file}} reads {{count}} files that are not in the repository and nothing downloads, e.g. {{target}}',
    obtainable: 'Every data file the code reads is in the repository or fetched by a download step',
  },
  options: {},
  advice:
    'Commit the small data files the code reads, or add a script that downloads them and say so in the README.',
  docs: {
    what: 'Reading calls (`pd.read_csv`, `open`, `np.load` …) with a relative path to a file that is not in the repository, when no download step (script, DVC, `kaggle datasets download`, `wget` in a Makefile) exists.',
    why: 'A reviewer who clones the project and hits FileNotFoundError on the first cell stops there. It tells them the project only ever ran on your laptop, which is the opposite of what a team needs from a new hire.',
    fix: 'Commit small data files, or add a `download_data.py` / Makefile target / DVC stage that fetches the data, and point to it from the README.',
    limitations:
      'Only string-literal paths are seen; paths built at run time are not. Files the code writes before reading are not counted as missing. Download instructions in prose outside the README are not recognised.',
  },
  run({ facts, fail, pass, notApplicable }) {
    const relative = facts.data.references.filter((r) => r.kind === 'relative');
    if (relative.length === 0) {
      notApplicable('the code reads no data file by a relative path');
      return;
    }
    // One finding per reading file: fifty missing CSVs in one notebook are one problem to fix.
    const byFile = new Map<string, (typeof facts.data.missing)[number][]>();
    for (const ref of facts.data.missing) byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), ref]);
    for (const [file, refs] of byFile) {
      const first = refs[0]!;
      const evidence = refs.slice(0, MAX_EVIDENCE).flatMap((r) => referenceEvidence(r));
      if (refs.length === 1) fail('missing', { file, target: first.target }, evidence);
      else fail('missingMany', { file, count: refs.length, target: first.target }, evidence);
    }
    if (facts.data.missing.length === 0) pass('obtainable');
  },
});
