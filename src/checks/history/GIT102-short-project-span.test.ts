import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { gitFacts, steadyCommits } from './fixtures.js';
import check from './GIT102-short-project-span.js';

describe('GIT102 short-project-span', () => {
  it('fails a two-week project with partial credit', () => {
    const result = checkFacts(check, { git: gitFacts(steadyCommits('2024-01-01', 8, 2)) });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.credit, 14 / 42);
    assert.equal(result.findings[0]?.evidence.length, 2);
    // One unit for a span, the same the summary uses.
    assert.match(result.findings[0]?.message ?? '', /spans 2 weeks, .* takes 6 weeks or more/);
  });

  it('passes a project worked on for two months', () => {
    const result = checkFacts(check, { git: gitFacts(steadyCommits('2024-01-01', 20, 3)) });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.credit, 1);
    assert.match(result.findings[0]?.message ?? '', /spans 8 weeks/);
  });

  it('ignores bot commits that stretch the span', () => {
    const bot = { name: 'dependabot[bot]', email: '1+dependabot[bot]@users.noreply.github.com' };
    const git = gitFacts([
      ...steadyCommits('2024-01-01', 3, 1),
      {
        date: '2024-06-01',
        subject: 'Bump numpy from 1.26.0 to 1.26.4',
        files: { 'requirements.txt': 1 },
        author: bot,
      },
    ]);
    assert.equal(checkFacts(check, { git }).outcome, 'fail');
  });

  it('honours a lower minSpanDays and is unknown when shallow', () => {
    const git = gitFacts(steadyCommits('2024-01-01', 8, 2));
    assert.equal(checkFacts(check, { git }, { minSpanDays: 14 }).outcome, 'pass');
    const shallow = gitFacts(steadyCommits('2024-01-01', 8, 2), { shallow: true });
    assert.equal(checkFacts(check, { git: shallow }).outcome, 'unknown');
  });
});
