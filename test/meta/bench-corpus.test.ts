import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCap, runBaseline } from '../../scripts/bench/baseline.js';
import { generateCorpus } from '../../scripts/bench/corpus.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { tempDir } from '../helpers/repo.js';

const git = (dir: string, args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' },
  });

test('the corpus has dated histories within the bounds, a clean work tree and sparse data files', async () => {
  const root = tempDir('unherd-bench-');
  const stats = await generateCorpus(root, {
    repos: 4,
    minCommits: 10,
    maxCommits: 30,
    sparseEvery: 2,
    sparseBytes: 64 * 1024 * 1024,
  });
  assert.equal(stats.repos.length, 4);
  let commits = 0;
  for (const dir of stats.repos) {
    const count = Number(git(dir, ['rev-list', '--count', 'HEAD']).trim());
    assert.ok(count >= 11 && count <= 31, `${dir} has ${count} commits`);
    commits += count;
    assert.equal(git(dir, ['status', '--porcelain', '--untracked-files=no']), '', 'work tree matches HEAD');
  }
  assert.equal(stats.commits, commits);
  assert.equal(stats.sparseFiles, 2);
  const sparse = join(stats.repos[1]!, 'data', 'raw', 'full_export.csv');
  const info = statSync(sparse);
  assert.equal(info.size, 64 * 1024 * 1024);
  assert.ok(info.blocks * 512 < 8 * 1024 * 1024, 'the big file is sparse on disk');

  const again = await generateCorpus(tempDir('unherd-bench-'), { repos: 1, minCommits: 10, maxCommits: 30 });
  assert.equal(
    git(again.repos[0]!, ['rev-parse', 'HEAD']),
    git(stats.repos[0]!, ['rev-parse', 'HEAD']),
    'the same seed builds the same history',
  );

  const baseline = await runBaseline(stats.repos, 2);
  assert.equal(baseline.failures, 0);
  assert.equal(baseline.commitsSeen, commits);
  assert.ok(baseline.filesRead >= stats.trackedFiles - 4, `${baseline.filesRead} of ${stats.trackedFiles}`);
  assert.ok(baseline.bytesRead > 0 && baseline.bytesRead <= stats.trackedBytes + 1_000_000);
});

test('the baseline reads data files only as far as the audit sniffs them', () => {
  assert.equal(readCap('data/huge.csv', DEFAULT_LIMITS), DEFAULT_LIMITS.sniffBytes);
  assert.equal(readCap('nb/a.ipynb', DEFAULT_LIMITS), DEFAULT_LIMITS.maxNotebookBytes);
  assert.equal(readCap('src/a.py', DEFAULT_LIMITS), DEFAULT_LIMITS.maxFileBytes);
});

test('a folder that is not a repository counts as a baseline failure, not a crash', async () => {
  const result = await runBaseline([tempDir()], 1);
  assert.equal(result.failures, 1);
});
