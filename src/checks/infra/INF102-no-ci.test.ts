import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF102-no-ci.js';

describe('INF102 no-ci', () => {
  it('fails without CI', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'fail');
  });

  it('passes with a GitHub workflow', () => {
    const ci = { files: ['.github/workflows/ci.yml'], onPushOrPR: true, runsTests: true };
    const result = checkFacts(check, { infra: infraOf({ ci }) });
    assert.equal(result.outcome, 'pass');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: '.github/workflows/ci.yml' }]);
  });
});
