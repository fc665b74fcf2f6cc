import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf, section } from './fixtures.js';
import check from './RD106-no-baseline.js';

describe('RD106 no-baseline', () => {
  it('fails when no baseline is mentioned', () => {
    assert.equal(
      checkFacts(check, { readme: readmeOf({ metrics: [{ text: 'accuracy 0.9', line: 3 }] }) }).outcome,
      'fail',
    );
  });

  it('passes with a baseline mention or a baseline section', () => {
    const mention = readmeOf({ baselineMentions: [{ text: 'beats the majority class baseline', line: 9 }] });
    assert.equal(checkFacts(check, { readme: mention }).outcome, 'pass');
    assert.equal(
      checkFacts(check, { readme: readmeOf({ sections: [section('baseline', 4)] }) }).outcome,
      'pass',
    );
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
