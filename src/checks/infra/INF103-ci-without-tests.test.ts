import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { infraOf } from './fixtures.js';
import check from './INF103-ci-without-tests.js';

describe('INF103 ci-without-tests', () => {
  it('fails when CI only runs on a schedule and never tests', () => {
    const ci = { files: ['.github/workflows/nightly.yml'], onPushOrPR: false, runsTests: false };
    const result = checkFacts(check, { infra: infraOf({ ci }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.messageId),
      ['noTrigger', 'noTests'],
    );
  });

  it('fails for a broken workflow file', () => {
    const ci = { files: ['.github/workflows/ci.yml'], onPushOrPR: true, runsTests: true };
    const problems = [
      { file: '.github/workflows/ci.yml', message: 'cannot parse workflow: bad indentation' },
    ];
    const result = checkFacts(check, { infra: infraOf({ ci, problems }) });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /bad indentation/);
  });

  it('passes when CI runs tests on push', () => {
    const ci = { files: ['.gitlab-ci.yml'], onPushOrPR: true, runsTests: true };
    assert.equal(checkFacts(check, { infra: infraOf({ ci }) }).outcome, 'pass');
  });

  it('is not applicable without CI', () => {
    assert.equal(checkFacts(check, { infra: infraOf() }).outcome, 'not-applicable');
  });
});
