import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN, cacheKeyOf, type RunKey } from './key.js';

const key: RunKey = {
  repo: 'https://github.com/someone/project',
  commit: 'a'.repeat(40),
  worktree: CLEAN,
  toolVersion: '0.1.0',
  configHash: 'c0ffee',
};

describe('cacheKeyOf', () => {
  it('changes with the build, so a rebuilt tool never serves an older build’s result', () => {
    assert.notEqual(cacheKeyOf(key, '627d08fb6d2904d4'), cacheKeyOf(key, '0123456789abcdef'));
  });

  it('is stable for the same build and run key, whatever order the key was built in', () => {
    const reordered: RunKey = {
      configHash: 'c0ffee',
      toolVersion: '0.1.0',
      worktree: CLEAN,
      commit: 'a'.repeat(40),
      repo: 'https://github.com/someone/project',
    };
    assert.equal(cacheKeyOf(key, 'abcdef0123456789'), cacheKeyOf(reordered, 'abcdef0123456789'));
  });

  it('changes with the commit, the working tree, the version and the configuration', () => {
    const base = cacheKeyOf(key, '');
    for (const change of [
      { commit: 'b'.repeat(40) },
      { worktree: 'dirty-1234' },
      { toolVersion: '0.2.0' },
      { configHash: 'beef' },
    ]) {
      assert.notEqual(cacheKeyOf({ ...key, ...change }, ''), base, JSON.stringify(change));
    }
  });
});
