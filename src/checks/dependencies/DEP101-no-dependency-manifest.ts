import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DEP101',
  name: 'no-dependency-manifest',
  title: 'Dependencies are declared in a manifest',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['manifests', 'python'],
  messages: {
    missing:
      'No requirements.txt, environment.yml, pyproject.toml, setup.py or Pipfile declares the dependencies',
    empty: '{{file}} exists but declares no dependencies',
  },
  options: {},
  advice:
    'Add a requirements.txt (or environment.yml / pyproject.toml) listing every package the code imports.',
  docs: {
    what: 'A repository with Python code but no dependency manifest, or only manifests that declare nothing.',
    why: 'Without a list of dependencies nobody can set up the project without trial and error. A hiring manager who tries and fails to install it concludes the candidate has never handed code to anyone else.',
    fix: 'Write a requirements.txt with the packages you import (pinned, e.g. `pandas==2.2.1`), or export your environment with `conda env export --from-history`.',
    limitations:
      'Dependencies installed by a Dockerfile or a notebook `!pip install` cell are not counted as declared.',
  },
  run({ facts, fail, notApplicable }) {
    if (facts.python.files.length === 0) {
      notApplicable('no Python code or notebooks');
      return;
    }
    const { manifests } = facts.manifests;
    if (manifests.length === 0) {
      fail('missing');
      return;
    }
    if (manifests.every((m) => m.dependencies.length === 0)) {
      const first = manifests[0]!;
      // A manifest that failed to parse is DEP105's finding; only an empty readable one is ours.
      if (manifests.some((m) => m.error === undefined))
        fail('empty', { file: first.path }, { file: first.path, line: 1 });
    }
  },
});
