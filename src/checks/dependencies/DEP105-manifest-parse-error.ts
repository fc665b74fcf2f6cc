import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DEP105',
  name: 'manifest-parse-error',
  title: 'Dependency manifests can be read',
  principle: 'runnable',
  severity: 'medium',
  status: 'preview',
  needs: ['manifests'],
  messages: {
    broken: '{{file}} cannot be read as a {{kind}} file: {{error}}',
  },
  options: {},
  advice: 'Fix the broken dependency file so that pip, conda or your package manager can read it.',
  docs: {
    what: 'Manifests that do not parse (invalid TOML/YAML/JSON, binary or wrongly encoded files, unreadable lines, `-r` includes of files that are not in the repository).',
    why: 'If the dependency file itself is broken, installation fails at the first step. To a reviewer that says the setup was never tried from a clean checkout.',
    fix: 'Open the file, fix the syntax error reported, and run the install command once in a fresh environment.',
    limitations:
      'Our parsers are more lenient than some tools; a file we accept may still be rejected by an old pip or conda.',
  },
  run({ facts, fail, notApplicable }) {
    const { manifests } = facts.manifests;
    if (manifests.length === 0) {
      notApplicable('no dependency manifest');
      return;
    }
    for (const m of manifests) {
      if (m.error !== undefined)
        fail('broken', { file: m.path, kind: m.kind, error: m.error }, { file: m.path, line: 1 });
    }
  },
});
