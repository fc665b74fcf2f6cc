import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { repo } from '../../test/helpers/repo.js';
import { hardenedGitEnv } from './git.js';
import { spawnThroughBroker, stopBroker } from './git-broker.js';
import { type SpawnRequest, spawnGit } from './git-spawn.js';

after(() => stopBroker());

function request(cwd: string, args: string[], extra: Partial<SpawnRequest> = {}): SpawnRequest {
  return { args, env: hardenedGitEnv(), cwd, timeoutMs: 10_000, maxBytes: 1024 * 1024, ...extra };
}

describe('git broker', () => {
  it('runs git with the same result as a direct spawn, byte for byte', async () => {
    const dir = repo(
      { 'a.py': 'x = 1\n' },
      { commits: [{ date: '2024-01-01', message: 'Add a', files: {} }] },
    );
    const req = request(dir, ['log', '--format=%H %s']);
    const viaBroker = await spawnThroughBroker(req);
    const direct = await spawnGit(req);
    assert.ok(viaBroker);
    assert.ok(Buffer.isBuffer(viaBroker.stdout));
    assert.equal(viaBroker.stdout.toString(), direct.stdout.toString());
    assert.equal(viaBroker.code, 0);
  });

  it('applies the byte cap and reports git errors like a direct spawn', async () => {
    const dir = repo(
      { 'a.py': 'x = 1\n'.repeat(1000) },
      { commits: [{ date: '2024-01-01', message: 'Add a', files: {} }] },
    );
    const capped = await spawnThroughBroker(request(dir, ['show', 'HEAD:a.py'], { maxBytes: 100 }));
    assert.equal(capped?.stdout.length, 100);
    assert.equal(capped?.truncated, true);
    const failed = await spawnThroughBroker(request(dir, ['log', 'no-such-ref']));
    assert.notEqual(failed?.code, 0);
    assert.match(failed?.stderr ?? '', /unknown revision|bad revision|ambiguous/);
  });

  it('starts a new broker after the old one is gone', async () => {
    const dir = repo(
      { 'a.py': 'x = 1\n' },
      { commits: [{ date: '2024-01-01', message: 'Add a', files: {} }] },
    );
    stopBroker();
    const again = await spawnThroughBroker(request(dir, ['rev-parse', 'HEAD']));
    assert.match(again?.stdout.toString() ?? '', /^[0-9a-f]{40}/);
  });
});
