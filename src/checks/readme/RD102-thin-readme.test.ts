import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { NO_README, readmeOf } from './fixtures.js';
import check from './RD102-thin-readme.js';

describe('RD102 thin-readme', () => {
  it('fails a two-line README, with partial credit', () => {
    const r = checkFacts(check, { readme: readmeOf({ words: 30 }) });
    assert.equal(r.outcome, 'fail');
    assert.equal(r.credit, 0.2);
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 1 }]);
  });

  it('passes a README of a few paragraphs, and honours the option', () => {
    assert.equal(checkFacts(check, { readme: readmeOf({ words: 400 }) }).outcome, 'pass');
    assert.equal(checkFacts(check, { readme: readmeOf({ words: 30 }) }, { minWords: 20 }).outcome, 'pass');
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });
});
