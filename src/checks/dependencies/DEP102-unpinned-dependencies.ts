import type { Evidence } from '../types.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DEP102',
  name: 'unpinned-dependencies',
  title: 'Dependencies are pinned to exact versions',
  principle: 'runnable',
  severity: 'medium',
  status: 'preview',
  needs: ['manifests'],
  messages: {
    unpinned:
      '{{count}} of {{total}} dependencies have no exact version and no lock file fixes them: {{names}}',
  },
  options: { maxEvidence: 5 },
  advice:
    'Pin every dependency to the version you used (`pip freeze` of your project environment, or a lock file).',
  docs: {
    what: 'Declared dependencies without an exact pin (`==1.2.3`, conda `=1.2.3`) when no lock file (poetry.lock, uv.lock, Pipfile.lock, conda-lock …) is present.',
    why: 'Libraries change: an unpinned scikit-learn or pandas installs a newer version that may change results or break the code. A reviewer running the project a year later gets errors or different numbers, and the project looks unmaintained.',
    fix: 'Pin versions in requirements.txt (`pandas==2.2.1`), or commit the lock file your tool writes.',
    limitations:
      'Transitive dependencies are not checked; a fully pinned top-level list can still resolve differently.',
  },
  run({ facts, options, fail, credit, notApplicable }) {
    const m = facts.manifests;
    if (m.pinned === null) {
      notApplicable('no dependencies declared');
      return;
    }
    if (m.pinned || m.unpinned.length === 0) return;
    // The same package listed twice (conda and pip sections, two requirements files) counts once.
    const total = new Set(
      m.manifests.filter((x) => !x.isLock).flatMap((x) => x.dependencies.map((d) => d.name)),
    ).size;
    const names = [...new Set(m.unpinned.map((d) => d.name))];
    const evidence: Evidence[] = m.unpinned
      .slice(0, options.maxEvidence)
      .map((d) => ({ file: d.manifest, line: d.line, note: d.spec ? `${d.name} ${d.spec}` : d.name }));
    fail(
      'unpinned',
      {
        count: names.length,
        total,
        names: names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : ''),
      },
      evidence,
    );
    credit(total > 0 ? Math.max(0, 1 - names.length / total) : 0);
  },
});
