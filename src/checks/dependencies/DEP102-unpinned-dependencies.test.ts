import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DEP102-unpinned-dependencies.js';
import { manifestsOf } from './fixtures.js';

const dep = (name: string, spec: string, pinned: boolean, line: number) => ({
  name,
  spec,
  pinned,
  manifest: 'requirements.txt',
  line,
});

describe('DEP102 unpinned-dependencies', () => {
  it('fails with unpinned dependencies, citing each, with partial credit', () => {
    const deps = [dep('pandas', '', false, 1), dep('numpy', '==1.26.4', true, 2)];
    const m = manifestsOf({
      manifests: [{ path: 'requirements.txt', kind: 'requirements', isLock: false, dependencies: deps }],
      pinned: false,
      unpinned: [deps[0]!],
    });
    const r = checkFacts(check, { manifests: m });
    assert.equal(r.outcome, 'fail');
    assert.equal(r.credit, 0.5);
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'requirements.txt', line: 1, note: 'pandas' }]);
  });

  it('passes when everything is pinned', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf({ pinned: true }) }).outcome, 'pass');
  });

  it('is not applicable with nothing declared', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf() }).outcome, 'not-applicable');
  });
});
