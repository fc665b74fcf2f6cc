import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collect } from '../../../test/helpers/facts.js';
import { git, makeCommit, repo, spreadCommits, tempDir } from '../../../test/helpers/repo.js';
import { runCheck } from '../../engine/run-check.js';
import type { Facts } from '../../facts.js';
import { checks } from './index.js';

function outcomes(facts: Facts): Record<string, string> {
  return Object.fromEntries(checks.map((c) => [c.code, runCheck(c, facts).outcome]));
}

describe('history checks against real repositories', () => {
  it('flag a one-day upload with default messages', async () => {
    const notebook = Array.from({ length: 300 }, (_, i) => `"line ${i}",`).join('\n');
    const dir = repo(
      {},
      {
        commits: [
          { date: '2024-05-01T10:00:00Z', message: 'Initial commit', files: { 'README.md': '# Titanic\n' } },
          {
            date: '2024-05-01T10:05:00Z',
            message: 'Add files via upload',
            files: { 'Titanic.ipynb': notebook },
          },
        ],
      },
    );
    assert.deepEqual(outcomes(await collect(dir)), {
      GIT101: 'fail',
      GIT102: 'fail',
      GIT103: 'fail',
      GIT104: 'not-applicable',
      GIT105: 'fail',
      GIT106: 'pass',
      GIT107: 'pass',
    });
  });

  it('pass a two-month project with a merged branch', async () => {
    const dir = repo({}, { commits: spreadCommits('2024-01-01', 60, 16) });
    makeCommit(dir, {
      date: '2024-03-02',
      message: 'Serve predictions with a small Streamlit app',
      branch: 'app',
      files: { 'app.py': 'import streamlit\n' },
    });
    git(dir, ['checkout', '-q', 'main']);
    makeCommit(dir, { date: '2024-03-03', message: "Merge branch 'app'", merge: 'app' });
    const results = outcomes(await collect(dir));
    for (const code of ['GIT101', 'GIT102', 'GIT103', 'GIT104', 'GIT105', 'GIT106', 'GIT107']) {
      assert.equal(results[code], 'pass', code);
    }
  });

  it('are unknown for a shallow clone and a plain folder, except GIT106', async () => {
    const source = repo({}, { commits: spreadCommits('2024-01-01', 60, 10) });
    const clone = join(tempDir(), 'clone');
    git(source, [
      '-c',
      'protocol.file.allow=always',
      'clone',
      '-q',
      '--depth',
      '1',
      `file://${source}`,
      clone,
    ]);
    const shallow = outcomes(await collect(clone));
    assert.equal(shallow.GIT102, 'unknown');
    assert.equal(shallow.GIT105, 'unknown');
    assert.equal(shallow.GIT106, 'pass');

    const plain = outcomes(await collect(repo({ 'a.py': 'x = 1\n' }, { git: false })));
    assert.equal(plain.GIT101, 'unknown');
    assert.equal(plain.GIT104, 'unknown');
    assert.equal(plain.GIT106, 'fail');
  });

  it('fail one-deep-project checks for an empty repository', async () => {
    const results = outcomes(await collect(repo({ 'a.py': 'x = 1\n' })));
    assert.equal(results.GIT101, 'fail');
    assert.equal(results.GIT102, 'fail');
    assert.equal(results.GIT105, 'not-applicable');
    assert.equal(results.GIT107, 'not-applicable');
  });
});
