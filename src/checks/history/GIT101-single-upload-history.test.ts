import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { gitFacts, steadyCommits } from './fixtures.js';
import check from './GIT101-single-upload-history.js';

describe('GIT101 single-upload-history', () => {
  it('fails a project that arrived in one upload', () => {
    const git = gitFacts([
      { date: '2024-05-01', subject: 'Add files via upload', files: { 'titanic.ipynb': 900 } },
    ]);
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.messageId, 'fewCommits');
    assert.equal(result.findings[0]?.evidence[0]?.note, 'Add files via upload');
  });

  it('fails when one commit holds most lines among several', () => {
    const git = gitFacts([
      { date: '2024-05-01', subject: 'Initial commit', files: { 'README.md': 2 } },
      {
        date: '2024-05-02',
        subject: 'Add files via upload',
        files: { 'model.ipynb': 1200, 'data/train.csv': 90000 },
      },
      { date: '2024-05-03', subject: 'Update README.md', files: { 'README.md': 10 } },
    ]);
    const result = checkFacts(check, { git });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.messageId, 'oneCommitHoldsAll');
    assert.match(result.findings[0]?.message ?? '', /99%/);
    assert.ok((result.credit ?? 1) < 0.05);
  });

  it('passes a history of many commits of similar size', () => {
    const result = checkFacts(check, { git: gitFacts(steadyCommits('2024-01-01', 20, 3)) });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.credit, 1);
  });

  it('leaves bot commits out of the line count', () => {
    const bot = { name: 'pre-commit-ci[bot]', email: '66853113+pre-commit-ci[bot]@users.noreply.github.com' };
    const git = gitFacts([
      ...steadyCommits('2024-01-01', 6, 3),
      {
        date: '2024-02-01',
        subject: '[pre-commit.ci] auto fixes',
        files: { 'src/all.py': 5000 },
        author: bot,
      },
    ]);
    assert.equal(checkFacts(check, { git }).outcome, 'pass');
  });

  it('does not judge a tiny project by share alone', () => {
    const git = gitFacts([
      { date: '2024-01-01', subject: 'Sketch the scraper', files: { 'scrape.py': 90 } },
      { date: '2024-01-05', subject: 'Handle missing prices', files: { 'scrape.py': 3 } },
      { date: '2024-01-09', subject: 'Save listings to parquet', files: { 'scrape.py': 4 } },
    ]);
    assert.equal(checkFacts(check, { git }).outcome, 'pass');
  });

  it('is unknown for a shallow clone and fails an empty repository', () => {
    const shallow = gitFacts(steadyCommits('2024-01-01', 1, 1), { shallow: true });
    assert.equal(checkFacts(check, { git: shallow }).outcome, 'unknown');
    assert.match(checkFacts(check, { git: shallow }).reason ?? '', /^shallow clone/);
    const empty = checkFacts(check, { git: gitFacts([]) });
    assert.equal(empty.outcome, 'fail');
    assert.equal(empty.findings[0]?.messageId, 'noCommits');
  });
});
