import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf, pythonOf } from './fixtures.js';
import check from './INF101-no-tests.js';

describe('INF101 no-tests', () => {
  it('fails when there are no test functions', () => {
    const result = checkFacts(check, { infra: infraOf(), python: pythonOf() });
    assert.equal(result.outcome, 'fail');
  });

  it('passes with pytest tests, pointing at the test files', () => {
    const tests = { files: ['tests/test_clean.py'], functions: 4, frameworks: ['pytest'] };
    const result = checkFacts(check, { infra: infraOf({ tests }), python: pythonOf() });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.message, '4 test functions in 1 file (pytest)');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: 'tests/test_clean.py' }]);
  });

  it('is not applicable without Python code', () => {
    assert.equal(checkFacts(check, { infra: infraOf(), python: pythonOf([]) }).outcome, 'not-applicable');
  });
});
