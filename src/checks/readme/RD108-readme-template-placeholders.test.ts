import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf } from './fixtures.js';
import check from './RD108-readme-template-placeholders.js';

describe('RD108 readme-template-placeholders', () => {
  it('fails once per leftover, with its line', () => {
    const placeholders = [
      { text: 'Project Title', line: 1 },
      { text: 'lorem ipsum', line: 7 },
    ];
    const r = checkFacts(check, { readme: readmeOf({ placeholders }) });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(
      r.findings.map((f) => f.evidence[0]?.line),
      [1, 7],
    );
  });

  it('passes a README written by its author', () => {
    assert.equal(checkFacts(check, { readme: readmeOf({ words: 300 }) }).outcome, 'pass');
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
