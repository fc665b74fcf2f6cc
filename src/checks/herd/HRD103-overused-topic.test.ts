import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { detection, herdFacts } from './fixtures.js';
import check from './HRD103-overused-topic.js';

describe('HRD103 overused-topic', () => {
  it('fails when the README is about an overused topic', () => {
    const r = checkFacts(check, {
      herd: herdFacts({ topics: [detection('stock-prediction', 'flagship', 0.7)] }),
    });
    assert.equal(r.outcome, 'fail');
  });
  it('passes when the topic only shows up on the side', () => {
    const r = checkFacts(check, {
      herd: herdFacts({ topics: [detection('movie-sentiment', 'secondary', 0.7)] }),
    });
    assert.equal(r.outcome, 'pass');
  });
});
