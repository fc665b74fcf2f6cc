import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf, section } from './fixtures.js';
import check from './RD109-no-data-section.js';

describe('RD109 no-data-section', () => {
  it('fails without a data section, or with a one-line one', () => {
    assert.equal(checkFacts(check, { readme: readmeOf() }).outcome, 'fail');
    const r = checkFacts(check, { readme: readmeOf({ sections: [section('data', 8, 3, 'Dataset')] }) });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 8 }]);
  });

  it('passes a data section that says something', () => {
    assert.equal(
      checkFacts(check, { readme: readmeOf({ sections: [section('data', 8, 35)] }) }).outcome,
      'pass',
    );
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
