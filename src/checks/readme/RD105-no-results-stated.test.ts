import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf, section } from './fixtures.js';
import check from './RD105-no-results-stated.js';

describe('RD105 no-results-stated', () => {
  it('fails without metrics, pointing at a results section that has no numbers', () => {
    const r = checkFacts(check, { readme: readmeOf({ sections: [section('results', 12, 30, 'Results')] }) });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 12 }]);
    assert.equal(checkFacts(check, { readme: readmeOf() }).outcome, 'fail');
  });

  it('passes when a metric with a number is stated', () => {
    const r = checkFacts(check, { readme: readmeOf({ metrics: [{ text: 'F1 of 0.81', line: 20 }] }) });
    assert.equal(r.outcome, 'pass');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 20 }]);
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
