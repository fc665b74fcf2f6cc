import { defineCheck } from '../types.js';

const MB = 1024 * 1024;

export default defineCheck({
  code: 'INF110',
  name: 'committed-environment',
  title: 'No virtualenv, installed packages or caches committed',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['tree'],
  messages: {
    committed: '{{root}} is committed: {{files}} files ({{size}}) of installed packages or caches',
    clean: 'No installed packages or caches are committed',
  },
  options: {},
  advice:
    'Remove the committed virtualenv or package folder from git, add it to .gitignore, and declare dependencies in requirements.txt instead.',
  docs: {
    what: 'Finds committed folders of installed or generated code: virtualenvs (`venv/`, `.venv/`, `<name>/lib/python3.x/`, Windows `Lib/site-packages`), `site-packages`, `node_modules`, `__pycache__`, `*.egg-info` and tool caches. Their files are left out of every other check, so they never count as your code.',
    why: 'A committed virtualenv tells a reviewer the author does not yet know what belongs in version control. It bloats the repository, only works on the author’s operating system, and hides which packages the project really needs.',
    fix: 'Run `git rm -r --cached <folder>`, add the folder to `.gitignore` (GitHub’s Python template covers all of these), and list the packages you use in `requirements.txt` with pinned versions.',
    limitations:
      'Folders are recognised by their names; a virtualenv renamed to something unusual without its `lib/python3.x` layout is not found. Folders that exist only in the working copy (not committed) are not flagged.',
  },
  run({ facts, fail, pass }) {
    const committed = facts.tree.vendored.filter((v) => v.kind === 'environment' && v.tracked);
    for (const v of committed) {
      fail(
        'committed',
        { root: v.root, files: v.files, size: `${(v.bytes / MB).toFixed(1)} MB` },
        { file: v.root },
      );
    }
    if (committed.length === 0) pass('clean');
  },
});
