import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';
import { NO_README, readmeOf } from './fixtures.js';
import check from './RD101-missing-readme.js';

describe('RD101 missing-readme', () => {
  it('fails without a README, and with an unreadable one', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'fail');
    const binary = checkFacts(check, { readme: readmeOf({ encoding: 'binary', error: 'not text' }) });
    assert.equal(binary.outcome, 'fail');
    assert.deepEqual(binary.findings[0]?.evidence, [{ file: 'README.md' }]);
  });

  it('passes with a README', () => {
    assert.equal(checkFacts(check, { readme: readmeOf({ words: 10 }) }).outcome, 'pass');
  });

  it('looks at a real repository', async () => {
    assert.equal((await checkRepo(check, repo({ 'main.py': 'x = 1\n' }))).outcome, 'fail');
    assert.equal((await checkRepo(check, repo({ 'Readme.rst': 'Title\n=====\n' }))).outcome, 'pass');
  });
});
