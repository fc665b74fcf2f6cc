import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { type CommitLiteral, gitFacts, steadyCommits } from './fixtures.js';
import check from './GIT107-bot-dominated-history.js';

const DEPENDABOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

function bumps(n: number): CommitLiteral[] {
  return Array.from({ length: n }, (_, i) => ({
    date: `2024-02-${String(i + 1).padStart(2, '0')}`,
    subject: `Bump scikit-learn from 1.${i}.0 to 1.${i + 1}.0`,
    files: { 'requirements.txt': 1 },
    author: DEPENDABOT,
  }));
}

describe('GIT107 bot-dominated-history', () => {
  it('fails when most commits are dependency bumps', () => {
    const result = checkFacts(check, { git: gitFacts([...steadyCommits('2024-01-01', 2, 1), ...bumps(6)]) });
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /6 of 8 commits \(75%\) are by bots \(dependabot\[bot\]\)/,
    );
    assert.equal(result.findings[0]?.evidence.length, 3);
  });

  it('passes when the candidate made most commits', () => {
    const result = checkFacts(check, { git: gitFacts([...steadyCommits('2024-01-01', 10, 1), ...bumps(2)]) });
    assert.equal(result.outcome, 'pass');
  });
});
