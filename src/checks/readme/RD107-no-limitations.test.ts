import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf, section } from './fixtures.js';
import check from './RD107-no-limitations.js';

describe('RD107 no-limitations', () => {
  it('fails without a limitations or next-steps section', () => {
    const r = checkFacts(check, { readme: readmeOf({ sections: [section('results', 4)] }) });
    assert.equal(r.outcome, 'fail');
  });

  it('passes with one', () => {
    assert.equal(
      checkFacts(check, { readme: readmeOf({ sections: [section('limitations', 30)] }) }).outcome,
      'pass',
    );
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
