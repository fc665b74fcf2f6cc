import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF107-no-one-command-entry-point.js';

describe('INF107 no-one-command-entry-point', () => {
  it('fails without any entry point', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'fail');
  });

  it('passes with a Makefile', () => {
    const entryPoints = [{ kind: 'make', path: 'Makefile', detail: 'all data train' }];
    assert.equal(checkFacts(check, { infra: infraOf({ entryPoints }) }).outcome, 'pass');
  });
});
