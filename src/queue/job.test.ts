import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnherdError } from '../errors.js';
import { CloneStopped } from '../source/remote/network-git.js';
import { classifyCloneError } from './failure.js';
import { jobIdFor, type RunKey } from './job.js';

const key: RunKey = {
  repo: 'https://github.com/ada/bikes',
  commit: 'a'.repeat(40),
  toolVersion: '0.1.0',
  configHash: 'c'.repeat(32),
};

describe('job ids', () => {
  it('are name-based UUIDs (version 5), the same for the same key whatever order it was built in', () => {
    const id = jobIdFor(key);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const reordered: RunKey = {
      configHash: key.configHash,
      toolVersion: key.toolVersion,
      commit: key.commit,
      repo: key.repo,
    };
    assert.equal(jobIdFor(reordered), id);
  });

  it('differ when the commit, the working tree, the tool version, the config or the repository differs', () => {
    const ids = new Set([
      jobIdFor(key),
      jobIdFor({ ...key, commit: 'b'.repeat(40) }),
      jobIdFor({ ...key, commit: null }),
      jobIdFor({ ...key, toolVersion: '0.2.0' }),
      jobIdFor({ ...key, configHash: 'd'.repeat(32) }),
      jobIdFor({ ...key, repo: 'https://github.com/ada/bikes2' }),
      jobIdFor({ ...key, worktree: 'dirty:0123' }),
    ]);
    assert.equal(ids.size, 7);
    assert.equal(jobIdFor({ ...key, worktree: 'clean' }), jobIdFor(key), 'no working-tree state means clean');
  });
});

describe('clone failures', () => {
  const url = 'https://example.org/ada/bikes.git';
  it('are permanent for a missing or private repository and one over the size cap', () => {
    for (const err of [
      new UnherdError('GIT_FAILED', 'git clone failed: no repository at this address (repository not found)'),
      new UnherdError('GIT_FAILED', 'git clone failed: the repository is private or needs a login'),
      new CloneStopped('LIMIT', 'the repository is larger than the 1 MB cap'),
    ]) {
      const failure = classifyCloneError(err, url);
      assert.equal(failure.permanent, true, err.message);
      assert.match(failure.message, /could not clone https:\/\/example\.org\/ada\/bikes\.git: /);
    }
  });

  it('are transient for timeouts, unreachable servers and the unexpected', () => {
    for (const err of [
      new CloneStopped('TIMEOUT', 'git clone did not finish in time'),
      new UnherdError('GIT_FAILED', 'git clone failed: the server could not be reached (Connection refused)'),
      new Error('EMFILE: too many open files'),
    ]) {
      assert.equal(classifyCloneError(err, url).permanent, false, err.message);
    }
  });
});
