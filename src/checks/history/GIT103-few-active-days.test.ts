import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { gitFacts, steadyCommits } from './fixtures.js';
import check from './GIT103-few-active-days.js';

describe('GIT103 few-active-days', () => {
  it('fails a long span with work on only two days', () => {
    const git = gitFacts([
      { date: '2024-01-01T09:00:00Z', subject: 'Load the census extract', files: { 'load.py': 50 } },
      { date: '2024-01-01T15:00:00Z', subject: 'Clean income columns', files: { 'clean.py': 60 } },
      { date: '2024-03-01', subject: 'Fit the income model', files: { 'model.py': 80 } },
    ]);
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.credit, 2 / 12);
    assert.match(result.findings[0]?.message ?? '', /only 2 days; steady work/);
  });

  it('passes steady work over many days', () => {
    const result = checkFacts(check, { git: gitFacts(steadyCommits('2024-01-01', 15, 3)) });
    assert.equal(result.outcome, 'pass');
  });
});
