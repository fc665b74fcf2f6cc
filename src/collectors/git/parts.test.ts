import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { githubLogin, isBotIdentity, mergeAuthors } from './authors.js';
import { cadence, isoWeek } from './cadence.js';
import { isSourcePath, parseLog } from './log.js';
import { isDescriptive, isLowInformation, summariseMessages } from './messages.js';
import { refsFromLog } from './refs.js';

describe('commit message quality', () => {
  it('calls empty, default and mashed subjects low-information', () => {
    for (const subject of [
      'update',
      'Update README.md',
      'Create main.py',
      'Delete old/notebook.ipynb',
      'Add files via upload',
      'Rename a.py to b.py',
      'Initial commit',
      'final',
      'Final version!!',
      'fix',
      'WIP',
      'asdf',
      'aaaa',
      '.',
      '',
      '3',
      'v2',
      '2024-03-01',
      'minor changes',
    ]) {
      assert.equal(isLowInformation(subject), true, subject);
    }
  });

  it('keeps subjects that say what changed', () => {
    for (const subject of [
      'Add a baseline that predicts the median fare',
      'feat(model): tune learning rate',
      'Fix leakage between train and test split',
      'Update dependencies',
      'Scrape listings from three cities',
    ]) {
      assert.equal(isLowInformation(subject), false, subject);
    }
    assert.equal(isDescriptive('Fix leakage between train and test split'), true);
    assert.equal(isDescriptive('feat: baseline model'), true);
    assert.equal(isDescriptive('Fix typo'), false);
  });

  it('summarises counts, the median length and examples with hashes', () => {
    const summary = summariseMessages([
      { hash: 'a1', subject: 'update' },
      { hash: 'b2', subject: 'Add a baseline that predicts the median fare' },
      { hash: 'c3', subject: 'Fix typo' },
    ]);
    assert.equal(summary.judged, 3);
    assert.equal(summary.lowInformation, 1);
    assert.equal(summary.veryShort, 2);
    assert.equal(summary.descriptive, 1);
    assert.equal(summary.medianSubjectLength, 8);
    assert.deepEqual(summary.examples, [{ hash: 'a1', subject: 'update' }]);
  });
});

describe('authors', () => {
  it('tells bots from people', () => {
    assert.equal(isBotIdentity({ name: 'dependabot[bot]', email: 'x@users.noreply.github.com' }), true);
    assert.equal(isBotIdentity({ name: 'GitHub Action', email: 'action@github.com' }), true);
    assert.equal(isBotIdentity({ name: 'pre-commit-ci[bot]', email: 'pc@x' }), true);
    assert.equal(isBotIdentity({ name: 'Robert Botham', email: 'rob@botham.org' }), false);
  });

  it('reads the login from a GitHub noreply address', () => {
    assert.equal(githubLogin('123+ada-c@users.noreply.github.com'), 'ada-c');
    assert.equal(githubLogin('ada-c@users.noreply.github.com'), 'ada-c');
    assert.equal(githubLogin('ada@example.com'), null);
  });

  it('merges aliases but not different people who share a generic name', () => {
    const { authors, indexOf } = mergeAuthors(
      [
        { name: 'Ada Candidate', email: 'ada@example.com' },
        { name: 'Adá  Candidate', email: 'ada@work.example' },
        { name: 'ada-candidate', email: '9+Ada-Candidate@users.noreply.github.com' },
        { name: 'root', email: 'root@laptop' },
        { name: 'root', email: 'root@server' },
      ],
      [5, 2, 1, 1, 1],
    );
    assert.equal(authors.length, 3);
    assert.equal(authors[0]?.name, 'Ada Candidate');
    assert.equal(authors[0]?.commits, 8);
    assert.deepEqual(indexOf.slice(0, 3), [0, 0, 0]);
    assert.notEqual(indexOf[3], indexOf[4]);
  });
});

describe('cadence', () => {
  it('counts span, active days, ISO weeks and the longest gap in UTC', () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    const result = cadence([t('2024-01-01T10:00:00Z'), t('2024-01-01T22:00:00Z'), t('2024-01-15T09:00:00Z')]);
    assert.deepEqual(result, { spanDays: 13, activeDays: 2, activeWeeks: 2, longestGapDays: 13 });
    assert.deepEqual(cadence([]), { spanDays: 0, activeDays: 0, activeWeeks: 0, longestGapDays: 0 });
    assert.equal(isoWeek(t('2021-01-03T12:00:00Z')), '2020-W53');
    assert.equal(isoWeek(t('2024-12-30T12:00:00Z')), '2025-W01');
  });
});

describe('log parsing', () => {
  const hash = 'a'.repeat(40);
  const other = 'b'.repeat(40);
  const out = `\x1e${hash}\x1f${other}\x1f1700000000 2023-11-14 22:13:20 +0000\x1fHEAD -> refs/heads/main, refs/remotes/origin/main\x1fAda\x1fada@x\x1fAdd model\0\n3\t1\tm.py\0-\t-\timg.png\0\x1e${other}\x1f\x1f1690000000 2023-07-22 04:26:40 +0000\x1f\x1fAda\x1fada@x\x1fStart\0\n2\t0\tdata.csv\0`;

  it('parses headers, numstat and binary files', () => {
    const commits = parseLog(out);
    assert.equal(commits.length, 2);
    assert.equal(commits[0]?.parents, 1);
    assert.equal(commits[0]?.insertions, 3);
    assert.equal(commits[0]?.filesChanged, 2);
    assert.deepEqual(commits[0]?.paths, ['m.py', 'img.png']);
    assert.equal(commits[1]?.parents, 0);
    assert.equal(commits[1]?.sourceInsertions, 0);
    assert.deepEqual(commits[0]?.refs, ['HEAD -> refs/heads/main', 'refs/remotes/origin/main']);
    assert.deepEqual(commits[1]?.refs, []);
  });

  it('reads branches and the current one from the tips’ decorations', () => {
    const refs = refsFromLog(parseLog(out), { symbolic: 'refs/heads/main', detached: null });
    assert.deepEqual(refs, {
      branches: ['main', 'origin/main'],
      distinctBranches: ['main'],
      currentBranch: 'main',
      headExists: true,
    });
  });

  it('drops a commit whose output was cut off, and ignores garbage', () => {
    assert.equal(parseLog(out.slice(0, -10), true).length, 1);
    assert.deepEqual(parseLog('not git output at all\0\x1e zz\0'), []);
  });

  it('counts code, notebooks and requirements as source, data dumps and locks not', () => {
    assert.equal(isSourcePath('src/model.py'), true);
    assert.equal(isSourcePath('nb/eda.ipynb'), true);
    assert.equal(isSourcePath('requirements.txt'), true);
    assert.equal(isSourcePath('data/raw.csv'), false);
    assert.equal(isSourcePath('poetry.lock'), false);
    assert.equal(isSourcePath('static/app.min.js'), false);
  });
});

describe('cadence on the author’s clock', () => {
  it('counts days as the author lived them, not in UTC', () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    // One evening in New York (UTC-05:00), 18:30 and 19:30 local, straddles midnight UTC.
    const evening = [t('2026-03-14T23:30:00Z'), t('2026-03-15T00:30:00Z')];
    assert.equal(cadence(evening).activeDays, 2, 'two UTC days');
    assert.equal(
      cadence(
        evening,
        evening.map((x) => x - 5 * 3600),
      ).activeDays,
      1,
      'one local day',
    );
  });
});

describe('parseLog time zones', () => {
  it('reads the author offset from the header', () => {
    const text =
      '\x1e' +
      'a'.repeat(40) +
      '\x1f\x1f1710460379 2024-03-15 00:52:59 +0100\x1f\x1fAda\x1fada@example.com\x1fInitial commit\0';
    const [commit] = parseLog(text);
    assert.equal(commit?.tzOffsetMinutes, 60);
    assert.equal(commit?.timestamp, 1710460379);
  });
});
