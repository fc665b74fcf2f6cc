import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf, section } from './fixtures.js';
import check from './RD104-no-problem-statement.js';

describe('RD104 no-problem-statement', () => {
  it('fails without a problem section or opening paragraph', () => {
    const r = checkFacts(check, {
      readme: readmeOf({ intro: 'A model.', sections: [section('method', 3)] }),
    });
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]?.message ?? '', /does not say what problem/);
  });

  it('fails a problem section that is only a line, pointing at it', () => {
    const r = checkFacts(check, { readme: readmeOf({ sections: [section('problem', 5, 6, 'Motivation')] }) });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 5 }]);
  });

  it('passes with a problem section or a long opening paragraph', () => {
    assert.equal(
      checkFacts(check, { readme: readmeOf({ sections: [section('problem', 5, 60)] }) }).outcome,
      'pass',
    );
    const intro =
      'City planners need to know where bikes will run out tomorrow so that vans can move them overnight, before commuters arrive at empty stations and give up on the service entirely.';
    assert.equal(checkFacts(check, { readme: readmeOf({ intro }) }).outcome, 'pass');
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
