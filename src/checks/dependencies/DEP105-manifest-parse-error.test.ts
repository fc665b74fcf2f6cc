import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DEP105-manifest-parse-error.js';
import { manifestsOf } from './fixtures.js';

describe('DEP105 manifest-parse-error', () => {
  it('fails for each broken manifest', () => {
    const m = manifestsOf({
      manifests: [
        {
          path: 'pyproject.toml',
          kind: 'pyproject',
          isLock: false,
          dependencies: [],
          error: 'invalid TOML: x',
        },
        { path: 'requirements.txt', kind: 'requirements', isLock: false, dependencies: [] },
      ],
    });
    const r = checkFacts(check, { manifests: m });
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings.length, 1);
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'pyproject.toml', line: 1 }]);
  });

  it('passes when all manifests read', () => {
    const m = manifestsOf({
      manifests: [{ path: 'requirements.txt', kind: 'requirements', isLock: false, dependencies: [] }],
    });
    assert.equal(checkFacts(check, { manifests: m }).outcome, 'pass');
  });

  it('is not applicable without manifests', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf() }).outcome, 'not-applicable');
  });
});
