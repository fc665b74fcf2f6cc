import { defineCheck } from '../types.js';
import { referenceEvidence } from './evidence.js';

export default defineCheck({
  code: 'DAT102',
  name: 'absolute-paths',
  title: 'Data is read by paths that work on any machine',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['data'],
  messages: {
    absolute: '{{file}} reads {{target}}, a path that only exists on the author’s machine',
  },
  options: {},
  advice: 'Replace absolute paths like /Users/you/… or C:\\… with paths relative to the repository.',
  docs: {
    what: 'Reading calls whose path is absolute on one person’s computer: `/Users/…`, `/home/…`, `C:\\…`, `~/…`, `/mnt/…`. Hosted-notebook paths (Kaggle, Colab) are left to DAT104.',
    why: 'An absolute path like `/Users/jane/Desktop/data.csv` shouts "never run anywhere else". Hiring managers read it as a missing habit of reproducible work, and it also leaks a username and folder layout.',
    fix: 'Keep data under a `data/` folder in the repository and read it with a relative path, or build the path from `pathlib.Path(__file__).parent`.',
    limitations:
      'Only string-literal paths are seen; absolute paths assembled from variables or environment settings are not.',
  },
  run({ facts, fail, notApplicable }) {
    if (facts.data.references.length === 0) {
      notApplicable('the code reads no data file by a literal path');
      return;
    }
    for (const ref of facts.data.references) {
      if (ref.kind !== 'absolute' || ref.platform) continue;
      fail('absolute', { file: ref.file, target: ref.target }, referenceEvidence(ref));
    }
  },
});
