import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_LIMITS } from '../limits.js';
import { RepoFiles } from './repo-files.js';

describe('RepoFiles.readTextOrNull', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unherd-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'notes.txt'), 'plain words\n');
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 0, 255, 0, 7, 0, 0, 0, 3]));
  symlinkSync('/etc/passwd', join(dir, 'outside'));

  it('gives the text of a text file', async () => {
    const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
    assert.equal(await files.readTextOrNull('notes.txt', 1024), 'plain words\n');
  });

  it('gives null for a binary file and records nothing', async () => {
    const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
    const problems: { file: string; reason: string }[] = [];
    assert.equal(await files.readTextOrNull('blob.bin', 1024, problems), null);
    assert.deepEqual(problems, []);
  });

  it('gives null for a file it cannot read and says why when asked', async () => {
    const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
    const problems: { file: string; reason: string }[] = [];
    assert.equal(await files.readTextOrNull('missing.txt', 1024, problems), null);
    assert.equal(await files.readTextOrNull('outside', 1024, problems), null);
    assert.deepEqual(
      problems.map((p) => p.file),
      ['missing.txt', 'outside'],
    );
    assert.match(problems[1]!.reason, /symlink/);
    assert.equal(await files.readTextOrNull('missing.txt', 1024), null);
  });
});
