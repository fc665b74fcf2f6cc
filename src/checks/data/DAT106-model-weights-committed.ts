import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DAT106',
  name: 'model-weights-committed',
  title: 'Trained model weights are not committed to git',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['data'],
  messages: {
    weights: '{{file}} ({{mb}} MB) is a trained model committed to git',
  },
  options: { minBytes: 1024 * 1024 },
  advice:
    'Keep trained model files out of git: publish them (Hugging Face Hub, a release, LFS) and load them from there.',
  docs: {
    what: 'Model weight files (`.pt`, `.pth`, `.ckpt`, `.onnx`, `.safetensors`, `.h5`/`.pkl` named like a model …) of at least `minBytes` committed directly, not as Git LFS pointers.',
    why: 'Weights in git bloat every clone and hide how the model was produced. Reviewers prefer a training script that recreates the model and a published artefact, which is how teams ship models.',
    fix: 'Add the weights to `.gitignore`, publish them as a release asset, on the Hugging Face Hub or via Git LFS, and document how to train or download them.',
    limitations:
      'Weights are recognised by extension and file name; a model saved under a neutral name such as `output.pkl` is treated as data.',
  },
  run({ facts, options, fail, notApplicable }) {
    if (facts.data.files.length === 0) {
      notApplicable('no data files');
      return;
    }
    for (const file of facts.data.files) {
      if (file.format !== 'model' || file.pointer || file.size < options.minBytes) continue;
      const mb = (file.size / (1024 * 1024)).toFixed(1);
      fail('weights', { file: file.path, mb }, { file: file.path });
    }
  },
});
