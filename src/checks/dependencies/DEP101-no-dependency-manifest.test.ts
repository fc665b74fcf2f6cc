import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DEP101-no-dependency-manifest.js';
import { manifestsOf, pythonOf } from './fixtures.js';

describe('DEP101 no-dependency-manifest', () => {
  it('fails with Python code and no manifest, or an empty one', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf(), python: pythonOf() }).outcome, 'fail');
    const empty = manifestsOf({
      manifests: [{ path: 'requirements.txt', kind: 'requirements', isLock: false, dependencies: [] }],
    });
    const r = checkFacts(check, { manifests: empty, python: pythonOf() });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'requirements.txt', line: 1 }]);
  });

  it('passes with a manifest that declares something', () => {
    const dep = { name: 'pandas', spec: '', pinned: false, manifest: 'requirements.txt', line: 1 };
    const m = manifestsOf({
      manifests: [{ path: 'requirements.txt', kind: 'requirements', isLock: false, dependencies: [dep] }],
      declared: ['pandas'],
    });
    assert.equal(checkFacts(check, { manifests: m, python: pythonOf() }).outcome, 'pass');
  });

  it('is not applicable without Python', () => {
    assert.equal(
      checkFacts(check, { manifests: manifestsOf(), python: pythonOf([]) }).outcome,
      'not-applicable',
    );
  });
});
