import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collect, collectOne } from '../../../test/helpers/facts.js';
import { git, makeCommit, repo, spreadCommits, tempDir } from '../../../test/helpers/repo.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { locateGitDir } from '../../source/git.js';
import { RepoFiles } from '../../source/repo-files.js';
import collector from './index.js';

const ADA = { name: 'Ada Candidate', email: 'ada@example.com' };

/** A feature branch merged back into main (`branch` in CommitSpec resets main with -B, so check out by hand). */
function withMerge(dir: string): void {
  makeCommit(dir, {
    date: '2024-01-10',
    message: 'Try a gradient boosting model',
    branch: 'model',
    files: { 'model.py': '1\n2\n' },
  });
  git(dir, ['checkout', '-q', 'main']);
  makeCommit(dir, { date: '2024-01-20', message: 'Merge branch model', merge: 'model' });
}

describe('git collector', () => {
  it('reads commits, span, cadence, merges and branches', async () => {
    const dir = repo(
      {},
      {
        commits: [
          { date: '2024-01-01', message: 'Load the raw bike-share trips', files: { 'load.py': 'a\nb\nc\n' } },
          { date: '2024-01-03', message: 'Clean station names', files: { 'clean.py': 'x\n' } },
        ],
      },
    );
    withMerge(dir);
    makeCommit(dir, { date: '2024-02-15', message: 'update', files: { 'load.py': 'a\nb\nc\nd\n' } });
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.empty, false);
    assert.equal(facts.shallow, false);
    assert.equal(facts.truncated, false);
    assert.equal(facts.commitCount, 5);
    assert.equal(facts.mergeCommits, 1);
    assert.equal(facts.spanDays, 45);
    assert.equal(facts.activeDays, 5);
    assert.equal(facts.longestGapDays, 26);
    assert.deepEqual(facts.branches.sort(), ['main', 'model']);
    assert.deepEqual(facts.distinctBranches, ['main', 'model']);
    assert.equal(facts.currentBranch, 'main');
    assert.equal(facts.authors.length, 1);
    assert.equal(facts.authors[0]?.commits, 5);
    // Merge commits are not the candidate's words: four subjects judged, one low-information.
    assert.equal(facts.messages.judged, 4);
    assert.equal(facts.messages.lowInformation, 1);
    assert.equal(facts.messages.examples[0]?.subject, 'update');
    const first = facts.commits.find((c) => c.hash === facts.firstCommit);
    assert.equal(first?.subject, 'Load the raw bike-share trips');
    assert.equal(first?.insertions, 3);
    assert.deepEqual(first?.paths, ['load.py']);
    assert.equal(facts.largestCommit?.hash, facts.firstCommit);
    assert.equal(facts.largestCommit?.share, 3 / 7);
  });

  it('finds the one upload that holds nearly all source lines, ignoring data dumps', async () => {
    const bigCode = Array.from({ length: 400 }, (_, i) => `x${i} = ${i}`).join('\n');
    const bigCsv = Array.from({ length: 5000 }, (_, i) => `${i},${i * 2}`).join('\n');
    const dir = repo(
      {},
      {
        commits: [
          { date: '2024-03-01', message: 'Add files via upload', files: { 'analysis.py': bigCode } },
          { date: '2024-03-02', message: 'Add the raw export', files: { 'data/raw.csv': bigCsv } },
          { date: '2024-03-03', message: 'Fix a typo in the README', files: { 'README.md': '# Bikes\n' } },
        ],
      },
    );
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.largestCommit?.subject, 'Add files via upload');
    assert.ok((facts.largestCommit?.share ?? 0) > 0.99);
    const csvCommit = facts.commits.find((c) => c.subject === 'Add the raw export');
    assert.equal(csvCommit?.insertions, 5000);
    assert.equal(csvCommit?.sourceInsertions, 0);
  });

  it('merges aliases of one person and counts bots apart', async () => {
    const dir = repo(
      {},
      {
        commits: [
          { date: '2024-01-01', message: 'Start the scraper', files: { 'a.py': '1\n' }, author: ADA },
          {
            date: '2024-01-02',
            message: 'Parse listing pages',
            files: { 'b.py': '1\n' },
            author: { name: 'ada candidate', email: 'ada@laptop.local' },
          },
          {
            date: '2024-01-03',
            message: 'Store listings in SQLite',
            files: { 'c.py': '1\n' },
            author: { name: 'adacandidate', email: '12345+AdaCandidate@users.noreply.github.com' },
          },
          {
            date: '2024-01-04',
            message: 'Bump pandas from 2.1.0 to 2.2.0',
            files: { 'requirements.txt': 'pandas==2.2.0\n' },
            author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
          },
          {
            date: '2024-03-01',
            message: 'Update pandas',
            files: { 'requirements.txt': 'pandas==2.2.1\n' },
            author: { name: 'renovate[bot]', email: 'bot@renovateapp.com' },
          },
        ],
      },
    );
    const facts = await collectOne(dir, 'git');
    const humans = facts.authors.filter((a) => !a.isBot);
    assert.equal(humans.length, 1);
    assert.equal(humans[0]?.commits, 3);
    assert.equal(humans[0]?.emails.length, 3);
    assert.equal(facts.authors.filter((a) => a.isBot).length, 2);
    assert.equal(facts.botCommits, 2);
    assert.equal(facts.humanCommitCount, 3);
    // Cadence comes from human commits only: the bot's March commit does not stretch the span.
    assert.equal(facts.spanDays, 2);
    assert.equal(facts.messages.judged, 3);
  });

  it('reports an empty repository as empty, not as an error', async () => {
    const dir = repo({ 'a.py': 'x = 1\n' });
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.empty, true);
    assert.equal(facts.commitCount, 0);
    assert.equal(facts.spanDays, 0);
    assert.equal(facts.firstCommit, null);
    assert.equal(facts.largestCommit, null);
  });

  it('is unavailable for a plain folder, so history checks are unknown', async () => {
    const dir = repo({ 'a.py': 'x = 1\n' }, { git: false });
    const facts = await collect(dir);
    assert.equal(facts.git.status, 'unavailable');
    assert.match(facts.git.status === 'unavailable' ? facts.git.reason : '', /not a git repository/);
  });

  it('marks a shallow clone', async () => {
    const source = repo({}, { commits: spreadCommits('2024-01-01', 60, 6) });
    const target = join(tempDir(), 'clone');
    git(source, [
      '-c',
      'protocol.file.allow=always',
      'clone',
      '-q',
      '--depth',
      '1',
      `file://${source}`,
      target,
    ]);
    const facts = await collectOne(target, 'git');
    assert.equal(facts.shallow, true);
    assert.equal(facts.commitCount, 1);
    assert.deepEqual(facts.branches.sort(), ['main', 'origin/main']);
    assert.deepEqual(facts.distinctBranches, ['main']);
  });

  it('caps history at maxCommits and says so', async () => {
    const dir = repo({}, { commits: spreadCommits('2024-01-01', 10, 6) });
    const limits = { ...DEFAULT_LIMITS, maxCommits: 4 };
    const files = await RepoFiles.open(dir, limits);
    const facts = await collector.collect({ files, git: locateGitDir(files.root), limits, facts: {} });
    assert.equal(facts.commitCount, 4);
    assert.equal(facts.truncated, true);
    const exact = await collector.collect({
      files,
      git: locateGitDir(files.root),
      limits: { ...limits, maxCommits: 6 },
      facts: {},
    });
    assert.equal(exact.truncated, false);
  });

  it('keeps odd subjects and file names intact', async () => {
    const dir = repo(
      {},
      {
        commits: [
          {
            date: '2024-01-01',
            message: 'Données: add été\x1f export\x1e now',
            files: {
              'données/été file.py': 'x\n',
              'line\nbreak.py': 'y\n',
              'img.bin': new Uint8Array([0, 1, 2, 0]),
            },
          },
        ],
      },
    );
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.commitCount, 1);
    assert.match(facts.commits[0]?.subject ?? '', /^Données: add été/);
    assert.deepEqual([...(facts.commits[0]?.paths ?? [])].sort(), [
      'données/été file.py',
      'img.bin',
      'line\nbreak.py',
    ]);
    assert.equal(facts.commits[0]?.insertions, 2);
  });

  it('reads Latin-1 and re-encoded commit messages without failing', async () => {
    const dir = repo({ 'a.py': 'x = 1\n' });
    const message = join(tempDir(), 'msg');
    writeFileSync(message, Buffer.from('Ajout des donn\xe9es m\xe9t\xe9o\n', 'latin1'));
    git(dir, ['add', '-A']);
    const env = {
      GIT_AUTHOR_NAME: 'Zo\xe9',
      GIT_AUTHOR_EMAIL: 'zoe@example.com',
      GIT_COMMITTER_NAME: 'Z',
      GIT_COMMITTER_EMAIL: 'z@x',
    };
    git(dir, ['commit', '-q', '-F', message], env);
    git(dir, ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '--allow-empty', '-F', message], env);
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.commitCount, 2);
    // Git re-encodes a declared encoding to UTF-8 for us, and repairs undeclared Latin-1 at commit time.
    assert.deepEqual(
      facts.commits.map((c) => c.subject),
      ['Ajout des données météo', 'Ajout des données météo'],
    );
    // The header also re-encodes the (UTF-8) author name into mojibake; the same email still makes one person.
    assert.equal(facts.authors.length, 1);
  });

  it('never runs programs named by the repository: fsmonitor, pager, textconv, hooks', async () => {
    const dir = repo(
      { '.gitattributes': '* diff=evil\n', 'a.py': 'x = 1\n' },
      {
        commits: [
          { date: '2024-01-01', message: 'Add the first model', files: {} },
          { date: '2024-01-02', message: 'Tune the model', files: { 'a.py': 'x = 2\n' } },
        ],
      },
    );
    const marker = join(tempDir(), 'ran');
    const script = join(tempDir(), 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    const hooks = join(dir, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    for (const hook of [
      'post-checkout',
      'pre-commit',
      'post-index-change',
      'reference-transaction',
      'fsmonitor-watchman',
    ]) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\ntouch '${marker}'\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    // Written straight into .git/config after the fixture is built, as a hostile repository would ship it.
    appendFileSync(
      join(dir, '.git', 'config'),
      [
        '[core]',
        `\tfsmonitor = ${script}`,
        `\tpager = ${script}`,
        `\thooksPath = ${hooks}`,
        `\tsshCommand = ${script}`,
        '[pager]',
        `\tlog = ${script}`,
        '[diff "evil"]',
        `\ttextconv = ${script}`,
        '[diff]',
        `\texternal = ${script}`,
        '[log]',
        '\tshowSignature = true',
        '[gpg]',
        `\tprogram = ${script}`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'a.py'), 'x = 3\n');
    const facts = await collectOne(dir, 'git');
    assert.equal(facts.commitCount, 2);
    assert.equal(facts.commits[0]?.insertions, 1);
    assert.equal(existsSync(marker), false);
  });

  describe('objects missing from the clone', () => {
    /** Deletes the loose object of `rev` (e.g. `HEAD:data.csv`), as a partial or damaged clone lacks it. */
    function dropObject(dir: string, rev: string): void {
      const sha = git(dir, ['rev-parse', rev]).trim();
      rmSync(join(dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2)));
    }

    it('reads commits without line counts when the only branch lacks a blob', async () => {
      const dir = repo(
        {},
        {
          commits: [
            { date: '2024-01-01', message: 'Add the data', files: { 'data.csv': 'a,b\n1,2\n' } },
            { date: '2024-01-02', message: 'Add the model', files: { 'model.py': 'x = 1\n' } },
          ],
        },
      );
      dropObject(dir, 'HEAD:data.csv');
      const facts = await collectOne(dir, 'git');
      assert.equal(facts.commitCount, 2);
      assert.equal(facts.incomplete, 'objects are missing (a partial or damaged clone); line counts unknown');
    });

    it('reads the current branch with line counts when only another branch lacks a blob', async () => {
      const dir = repo(
        {},
        { commits: [{ date: '2024-01-01', message: 'Start', files: { 'model.py': 'x = 1\n' } }] },
      );
      makeCommit(dir, {
        date: '2024-01-05',
        message: 'Try other data',
        branch: 'experiment',
        files: { 'other.csv': 'c,d\n3,4\n' },
      });
      dropObject(dir, 'experiment:other.csv');
      git(dir, ['checkout', '-q', 'main']);
      const facts = await collectOne(dir, 'git');
      assert.equal(facts.commitCount, 1);
      assert.equal(facts.incomplete, 'other branches have objects missing; read the current branch only');
    });
  });
});
