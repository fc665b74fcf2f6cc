import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf, pythonOf } from './fixtures.js';
import check from './INF108-no-linter-or-formatter.js';

describe('INF108 no-linter-or-formatter', () => {
  it('fails when nothing is configured', () => {
    assert.equal(checkFacts(check, { infra: infraOf(), python: pythonOf() }).outcome, 'fail');
  });

  it('passes with ruff configured', () => {
    const result = checkFacts(check, { infra: infraOf({ linters: ['ruff'] }), python: pythonOf() });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.message, 'Configured: ruff');
  });

  it('is not applicable without Python code', () => {
    assert.equal(checkFacts(check, { infra: infraOf(), python: pythonOf([]) }).outcome, 'not-applicable');
  });
});
