import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DEP103',
  name: 'undeclared-imports',
  title: 'Every imported package is declared',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['manifests'],
  messages: {
    undeclared: '`{{module}}` is imported but no manifest declares {{package}}',
  },
  options: {},
  advice: 'Add every package your code imports to the dependency manifest.',
  docs: {
    what: 'Third-party imports (in modules and notebook cells) that no manifest declares: not standard library, not a module of the repository, and no declared package provides them.',
    why: 'A missing dependency is the first error a reviewer hits when running the project: `ModuleNotFoundError` in the first cell. It shows the manifest was written by hand and never tested in a fresh environment.',
    fix: 'Create a fresh virtual environment, install from the manifest, run the code, and add whatever is missing.',
    limitations:
      'Imports of packages that a declared package always installs (pydantic with fastapi, numpy with pandas) count as declared, because a fresh install runs; declaring them is still clearer. Uses a table of import-name → package names; an unusual package that installs under a different name may be flagged. Imports inside try/except fallbacks are flagged too.',
  },
  run({ facts, fail, notApplicable }) {
    const m = facts.manifests;
    if (m.declared.length === 0) {
      notApplicable('no dependencies declared (see DEP101)');
      return;
    }
    for (const u of m.undeclaredImports) {
      const evidence =
        u.cell === undefined ? { file: u.file, line: u.line } : { file: u.file, cell: u.cell, line: u.line };
      fail('undeclared', { module: u.module, package: u.package }, evidence);
    }
  },
});
