import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo, collectOne } from '../../../test/helpers/facts.js';
import { git, makeCommit, repo } from '../../../test/helpers/repo.js';

const BOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

describe('git history of the default branch', () => {
  it('counts HEAD history only and lists other branches with their commits ahead', async () => {
    const dir = repo(
      {},
      {
        commits: [
          { date: '2024-01-01', message: 'Load the data', files: { 'a.py': '1\n' } },
          { date: '2024-01-05', message: 'Fit a model', files: { 'b.py': '1\n' } },
        ],
      },
    );
    makeCommit(dir, {
      date: '2024-03-01',
      message: 'Try a CNN',
      branch: 'experiment',
      files: { 'c.py': '1\n' },
    });
    makeCommit(dir, { date: '2024-03-20', message: 'Tune the CNN', files: { 'c.py': '2\n' } });
    git(dir, ['checkout', '-q', 'main']);
    makeCommit(dir, {
      date: '2024-01-09',
      message: 'Bump numpy',
      author: BOT,
      files: { 'r.txt': 'numpy\n' },
    });

    const facts = await collectOne(dir, 'git');
    assert.equal(facts.commitCount, 3);
    assert.equal(facts.botCommits, 1);
    // Span of human commits on main: Jan 1 to Jan 5; the branch's March commits are not counted.
    assert.equal(facts.spanDays, 4);
    assert.equal(facts.defaultBranch, 'main');
    assert.deepEqual(facts.otherBranches, [{ name: 'experiment', commitsAhead: 2 }]);
    assert.deepEqual(facts.distinctBranches, ['experiment', 'main']);

    const summary = (await analyseRepo(dir)).facts?.git;
    assert.equal(summary?.commitCount, 3);
    assert.deepEqual(summary?.bots, [{ name: 'dependabot[bot]', commits: 1 }]);
    assert.deepEqual(summary?.otherBranches, [{ name: 'experiment', commitsAhead: 2 }]);
  });

  it('describes a detached HEAD (a checkout pinned to a commit) by that commit’s history', async () => {
    const dir = repo(
      {},
      {
        commits: [
          { date: '2024-01-01', message: 'one', files: { 'a.py': '1\n' } },
          { date: '2024-01-02', message: 'two', files: { 'a.py': '2\n' } },
          { date: '2024-01-03', message: 'three', files: { 'a.py': '3\n' } },
        ],
      },
    );
    git(dir, ['checkout', '-q', 'HEAD~1']);
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.commitCount, 2);
    assert.equal(facts.defaultBranch, null);
    assert.deepEqual(facts.otherBranches, [{ name: 'main', commitsAhead: 1 }]);
  });
});
