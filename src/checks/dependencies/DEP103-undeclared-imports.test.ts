import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DEP103-undeclared-imports.js';
import { manifestsOf } from './fixtures.js';

describe('DEP103 undeclared-imports', () => {
  it('fails per undeclared package, pointing at the first import', () => {
    const m = manifestsOf({
      declared: ['pandas'],
      undeclaredImports: [
        { module: 'sklearn', package: 'scikit-learn', file: 'nb/model.ipynb', line: 2, cell: 4 },
        { module: 'yaml', package: 'PyYAML', file: 'src/cfg.py', line: 1 },
      ],
    });
    const r = checkFacts(check, { manifests: m });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(
      r.findings.map((f) => f.evidence[0]),
      [
        { file: 'nb/model.ipynb', cell: 4, line: 2 },
        { file: 'src/cfg.py', line: 1 },
      ],
    );
    assert.match(r.findings[0]?.message ?? '', /`sklearn` is imported but no manifest declares scikit-learn/);
  });

  it('passes when every import is declared', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf({ declared: ['pandas'] }) }).outcome, 'pass');
  });

  it('is not applicable when nothing is declared', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf() }).outcome, 'not-applicable');
  });
});
