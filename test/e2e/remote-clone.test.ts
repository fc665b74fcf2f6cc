import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditOne } from '../../src/engine/audit.js';
import { ensureClone } from '../../src/source/remote/clone-cache.js';
import { parseRemoteUrl } from '../../src/source/remote/url.js';
import { type GitServer, publishRepo, pushCommit, startGitServer } from '../helpers/git-server.js';
import { git, spreadCommits, tempDir } from '../helpers/repo.js';

const allowHttp = { allowHttp: true };
const big = (kb: number, seed: string) => `${seed},`.repeat(Math.ceil((kb * 1024) / (seed.length + 1)));

describe('clone cache against a local git server', () => {
  const root = tempDir('unherd-served-');
  let server: GitServer;
  let bikes: string;

  before(async () => {
    bikes = publishRepo(
      root,
      'bikes',
      { 'README.md': '# Bike demand\n', 'data/rides.csv': `hour,count\n${big(40, '1,2')}` },
      [
        ...spreadCommits('2024-01-01', 40, 5),
        { date: '2024-02-15', message: 'Add a raw dump', files: { 'data/raw.bin': big(30, 'x') } },
        { date: '2024-02-16', message: 'Drop the raw dump', files: { 'data/raw.bin': null } },
      ],
    );
    publishRepo(root, 'tiny', { 'main.py': 'print(1)\n' }, spreadCommits('2024-01-01', 10, 2));
    publishRepo(root, 'secret', { 'main.py': 'print(2)\n' }, spreadCommits('2024-01-01', 10, 2));
    server = await startGitServer({ root, private: new Set(['secret']) });
  });
  after(() => server.close());

  it('clones with history, leaves large blobs on the server, and the audit fetches nothing', async () => {
    const cacheDir = tempDir('unherd-cache-');
    const remote = parseRemoteUrl(`${server.url}/bikes.git`, allowHttp);
    const clone = await ensureClone(remote, { cacheDir, blobLimitBytes: 20 * 1024 });
    assert.equal(clone.reused, false);
    assert.ok(existsSync(join(clone.path, 'README.md')));
    assert.ok(!existsSync(join(clone.path, 'data/rides.csv')), 'a blob over the limit is not checked out');
    assert.deepEqual(
      clone.info.notDownloaded.map((f) => f.path),
      ['data/rides.csv'],
    );
    // Git itself lists the excluded file as skip-worktree, so a collector can tell it from a missing one.
    assert.match(git(clone.path, ['ls-files', '-t']), /^S data\/rides\.csv$/m);
    assert.ok(existsSync(join(clone.path, '.git', 'unherd-remote.json')));

    server.requests = 0;
    const report = await auditOne(clone.path, {});
    assert.equal(server.requests, 0, 'auditing a partial clone must not fetch missing blobs');
    assert.equal(report.error, null);
  });

  it('reads the history of a partial clone without line counts', async () => {
    const cacheDir = tempDir('unherd-cache-');
    const remote = parseRemoteUrl(`${server.url}/bikes.git`, allowHttp);
    const clone = await ensureClone(remote, { cacheDir, blobLimitBytes: 20 * 1024 });
    const report = await auditOne(clone.path, {});
    assert.equal(report.facts?.git?.commitCount, 7);
    assert.match(report.facts?.git?.incomplete ?? '', /line counts unknown/);
  });

  it('reuses the cached clone and updates it with new commits', async () => {
    const cacheDir = tempDir('unherd-cache-');
    const remote = parseRemoteUrl(`${server.url}/bikes.git`, allowHttp);
    const first = await ensureClone(remote, { cacheDir, blobLimitBytes: 20 * 1024 });
    pushCommit(bikes, root, 'bikes', {
      date: '2024-03-01',
      message: 'Add a forecast script',
      files: { 'src/forecast.py': 'def forecast():\n    return 0\n' },
    });
    const second = await ensureClone(remote, { cacheDir, blobLimitBytes: 20 * 1024 });
    assert.equal(second.reused, true);
    assert.equal(second.note, null);
    assert.equal(second.path, first.path);
    assert.ok(existsSync(join(second.path, 'src/forecast.py')), 'the update checked out the new commit');
    assert.deepEqual(readdirSync(join(cacheDir, 'repos')).sort(), [first.path.split('/').pop()]);

    const refreshed = await ensureClone(remote, { cacheDir, refresh: true, blobLimitBytes: 20 * 1024 });
    assert.equal(refreshed.reused, false);
  });

  it('audits the cached copy, with a note, when the server cannot be reached for an update', async () => {
    const cacheDir = tempDir('unherd-cache-');
    const offline = await startGitServer({ root });
    const remote = parseRemoteUrl(`${offline.url}/tiny.git`, allowHttp);
    await ensureClone(remote, { cacheDir });
    await offline.close();
    const again = await ensureClone(remote, { cacheDir, timeoutMs: 10_000 });
    assert.equal(again.reused, true);
    assert.match(again.note ?? '', /could not update the cached clone.*earlier run/);
    assert.ok(existsSync(join(again.path, 'main.py')));
  });

  it('keeps different URLs in different hash-named folders', async () => {
    const cacheDir = tempDir('unherd-cache-');
    const a = await ensureClone(parseRemoteUrl(`${server.url}/tiny.git`, allowHttp), { cacheDir });
    const b = await ensureClone(parseRemoteUrl(`${server.url}/bikes.git`, allowHttp), { cacheDir });
    assert.notEqual(a.path, b.path);
    assert.match(a.path.split('/').pop() ?? '', /^[0-9a-f]{32}$/);
    assert.equal(readFileSync(join(a.path, 'main.py'), 'utf8'), 'print(1)\n');
  });

  it('explains a missing repository and a private one, and leaves no folder behind', async () => {
    const cacheDir = tempDir('unherd-cache-');
    await assert.rejects(
      ensureClone(parseRemoteUrl(`${server.url}/nothing-here.git`, allowHttp), { cacheDir }),
      /no repository at this address/,
    );
    await assert.rejects(
      ensureClone(parseRemoteUrl(`${server.url}/secret.git`, allowHttp), { cacheDir }),
      /private or needs a login/,
    );
    assert.deepEqual(readdirSync(join(cacheDir, 'repos')), []);
  });

  it('stops a clone over the size cap and one over the time limit, and cleans up', async () => {
    const cacheDir = tempDir('unherd-cache-');
    await assert.rejects(
      ensureClone(parseRemoteUrl(`${server.url}/bikes.git`, allowHttp), { cacheDir, maxBytes: 2 * 1024 }),
      /larger than the 2 KB cap/,
    );
    const slow = await startGitServer({ root, delayMs: 3_000 });
    try {
      const started = Date.now();
      await assert.rejects(
        ensureClone(parseRemoteUrl(`${slow.url}/tiny.git`, allowHttp), { cacheDir, timeoutMs: 500 }),
        /did not finish in time/,
      );
      assert.ok(Date.now() - started < 2_500);
    } finally {
      await slow.close();
    }
    assert.deepEqual(readdirSync(join(cacheDir, 'repos')), []);
  });

  it('serialises two runs cloning the same URL through the lock', async () => {
    const cacheDir = tempDir('unherd-cache-');
    const remote = parseRemoteUrl(`${server.url}/tiny.git`, allowHttp);
    const [a, b] = await Promise.all([ensureClone(remote, { cacheDir }), ensureClone(remote, { cacheDir })]);
    assert.equal(a.path, b.path);
    assert.deepEqual([a.reused, b.reused].sort(), [false, true]);
    assert.ok(existsSync(join(a.path, 'main.py')));
  });
});
