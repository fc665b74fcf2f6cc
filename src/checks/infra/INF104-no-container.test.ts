import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF104-no-container.js';

describe('INF104 no-container', () => {
  it('fails without a Dockerfile', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'fail');
  });

  it('passes with a Dockerfile or a compose file', () => {
    assert.equal(checkFacts(check, { infra: infraOf({ dockerfiles: ['Dockerfile'] }) }).outcome, 'pass');
    assert.equal(checkFacts(check, { infra: infraOf({ compose: ['compose.yaml'] }) }).outcome, 'pass');
  });
});
