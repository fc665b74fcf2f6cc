import { defineCheck } from '../types.js';
import { referenceEvidence } from './evidence.js';

export default defineCheck({
  code: 'DAT104',
  name: 'kaggle-or-colab-only-paths',
  title: 'Data paths work outside Kaggle and Colab',
  principle: 'runnable',
  severity: 'medium',
  status: 'preview',
  needs: ['data'],
  messages: {
    platform: '{{file}} reads {{target}}, which only exists on {{platform}}',
  },
  options: {},
  advice: 'Replace /kaggle/input and /content/drive paths with a data/ folder and a download step.',
  docs: {
    what: 'Reading calls with paths that exist only inside a hosted notebook: `/kaggle/input/…`, `../input/…` (Kaggle kernels) and `/content/…` (Google Colab, including mounted Drive).',
    why: 'Code that only runs inside a Kaggle kernel or a Colab session reads as a competition notebook, not as a project. A hiring manager wants to see you can make work run on an ordinary machine, the way a team’s code must.',
    fix: 'Read from a relative `data/` folder, and add a download step (`kaggle datasets download`, `gdown`, a script) that fills it; keep the Kaggle/Colab path behind a configuration switch if you need it.',
    limitations:
      'Only string-literal paths are seen. A notebook that switches paths by environment is still flagged if the platform path is written literally.',
  },
  run({ facts, fail, notApplicable }) {
    if (facts.data.references.length === 0) {
      notApplicable('the code reads no data file by a literal path');
      return;
    }
    for (const ref of facts.data.references) {
      if (!ref.platform) continue;
      const platform = ref.platform === 'kaggle' ? 'Kaggle' : 'Google Colab';
      fail('platform', { file: ref.file, target: ref.target, platform }, referenceEvidence(ref));
    }
  },
});
