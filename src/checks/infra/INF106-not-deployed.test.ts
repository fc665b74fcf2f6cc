import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF106-not-deployed.js';

describe('INF106 not-deployed', () => {
  it('fails without deployment configuration', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'fail');
  });

  it('passes with a Hugging Face Space', () => {
    const deployment = [{ kind: 'huggingface-spaces', path: 'README.md' }];
    const result = checkFacts(check, { infra: infraOf({ deployment }) });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.message, 'Deployment via huggingface-spaces (README.md)');
  });
});
