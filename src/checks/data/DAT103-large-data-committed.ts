import { defineCheck } from '../types.js';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(0);
}

export default defineCheck({
  code: 'DAT103',
  name: 'large-data-committed',
  title: 'Large data files are kept out of git (LFS, DVC or a download)',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['data', 'tree'],
  messages: {
    large: '{{file}} is {{mb}} MB committed straight into git',
  },
  options: { maxBytes: 50 * 1024 * 1024 },
  advice:
    'Move data files over 50 MB to Git LFS, DVC or a download script, and keep a small sample in the repo.',
  docs: {
    what: 'Data files larger than `maxBytes` (50 MB by default, GitHub’s warning size) committed to git directly, not as Git LFS or git-annex pointers. Model weights are left to DAT106.',
    why: 'Big binaries in git make the repository slow to clone and show the author does not know the usual tools for data (LFS, DVC, object storage). A reviewer waiting minutes for a clone starts the review annoyed.',
    fix: 'Track the file with `git lfs track`, version it with DVC, or host it elsewhere and add a download script; commit a small sample for tests and examples.',
    limitations:
      'Only the current tree is checked: a large file deleted from the tree but still in history is not seen. In a folder that is not a git repository, every file counts as committed.',
  },
  run({ facts, options, fail, notApplicable }) {
    if (facts.data.files.length === 0) {
      notApplicable('no data files');
      return;
    }
    const tracked = new Map(facts.tree.files.map((f) => [f.path, f.tracked]));
    for (const file of facts.data.files) {
      if (file.pointer || file.format === 'model' || file.size <= options.maxBytes) continue;
      if (facts.tree.isGitRepo && tracked.get(file.path) === false) continue;
      fail('large', { file: file.path, mb: megabytes(file.size) }, { file: file.path });
    }
  },
});
