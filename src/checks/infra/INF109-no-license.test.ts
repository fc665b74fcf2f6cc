import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF109-no-license.js';

describe('INF109 no-license', () => {
  it('fails without a license', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'fail');
  });

  it('passes with an MIT license', () => {
    const result = checkFacts(check, { infra: infraOf({ license: 'MIT' }) });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.message, 'Licensed under MIT');
  });
});
