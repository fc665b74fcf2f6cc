import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DEP104-no-python-version.js';
import { manifestsOf, pythonOf } from './fixtures.js';

describe('DEP104 no-python-version', () => {
  it('fails when no file states a Python version', () => {
    assert.equal(checkFacts(check, { manifests: manifestsOf(), python: pythonOf() }).outcome, 'fail');
  });

  it('passes when one does', () => {
    const r = checkFacts(check, { manifests: manifestsOf({ pythonVersion: '3.11' }), python: pythonOf() });
    assert.equal(r.outcome, 'pass');
  });

  it('is not applicable without Python', () => {
    assert.equal(
      checkFacts(check, { manifests: manifestsOf(), python: pythonOf([]) }).outcome,
      'not-applicable',
    );
  });
});
