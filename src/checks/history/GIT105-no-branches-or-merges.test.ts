import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { gitFacts, steadyCommits } from './fixtures.js';
import check from './GIT105-no-branches-or-merges.js';

describe('GIT105 no-branches-or-merges', () => {
  it('fails one straight branch, even with its remote copy', () => {
    const git = gitFacts(steadyCommits('2024-01-01', 5, 2), {
      branches: ['main', 'origin/main'],
      distinctBranches: ['main'],
    });
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /"main"/);
    assert.ok(result.findings[0]?.evidence[0]?.commit);
  });

  it('passes a history with a merge commit', () => {
    const git = gitFacts([
      ...steadyCommits('2024-01-01', 4, 2),
      { date: '2024-01-10', subject: 'Merge pull request #3 from ada/model', merge: true },
    ]);
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.evidence[0]?.note, 'Merge pull request #3 from ada/model');
  });

  it('passes open feature branches and is not applicable to an empty repository', () => {
    const git = gitFacts(steadyCommits('2024-01-01', 4, 2), { distinctBranches: ['main', 'streamlit-app'] });
    assert.equal(checkFacts(check, { git }).outcome, 'pass');
    assert.equal(checkFacts(check, { git: gitFacts([]) }).outcome, 'not-applicable');
  });
});
