import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { gitFacts, steadyCommits } from './fixtures.js';
import check from './GIT104-low-information-commit-messages.js';

describe('GIT104 low-information-commit-messages', () => {
  it('fails a history of "update" and GitHub default messages', () => {
    const git = gitFacts([
      { date: '2024-01-01', subject: 'Initial commit', files: { 'README.md': 1 } },
      { date: '2024-01-02', subject: 'Add files via upload', files: { 'eda.ipynb': 300 } },
      { date: '2024-01-03', subject: 'Update README.md', files: { 'README.md': 5 } },
      { date: '2024-01-04', subject: 'update', files: { 'eda.ipynb': 20 } },
      { date: '2024-01-05', subject: 'Plot fares by hour of day', files: { 'eda.ipynb': 20 } },
    ]);
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /^4 of 5 commit messages \(80%\)/);
    assert.equal(result.findings[0]?.evidence.length, 4);
    assert.ok(result.findings[0]?.evidence.every((e) => e.commit));
  });

  it('passes descriptive messages, ignoring merge commits', () => {
    const git = gitFacts([
      ...steadyCommits('2024-01-01', 6, 2),
      { date: '2024-01-20', subject: "Merge branch 'model'", merge: true },
    ]);
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'pass');
    assert.match(result.findings[0]?.message ?? '', /^6 of 6/);
  });

  it('does not judge two messages', () => {
    const git = gitFacts([
      { date: '2024-01-01', subject: 'wip', files: { 'a.py': 3 } },
      { date: '2024-01-02', subject: 'final', files: { 'a.py': 3 } },
    ]);
    assert.equal(checkFacts(check, { git }).outcome, 'not-applicable');
  });
});
