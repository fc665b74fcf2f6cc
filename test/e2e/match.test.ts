import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

function capture(): { io: Parameters<typeof runCli>[1]; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stream = (write: (s: string) => void) => ({
    write: (s: string) => {
      write(s);
      return true;
    },
    isTTY: false,
    columns: 100,
  });
  return {
    io: {
      stdout: stream((s) => (out += s)) as unknown as NodeJS.WriteStream,
      stderr: stream((s) => (err += s)) as unknown as NodeJS.WriteStream,
      env: { NO_COLOR: '1' },
    },
    out: () => out,
    err: () => err,
  };
}

const ads = new URL('../fixtures/ads/', import.meta.url).pathname;

describe('unherd match (CLI)', () => {
  it('ranks a folder of ads, reports bad ones and goes on', async () => {
    const project = repo(
      {
        'train.py':
          'import pandas\nimport sklearn\nfrom sklearn.linear_model import LogisticRegression\nLogisticRegression().fit(X, y)\n',
        'q.sql': 'SELECT 1;\n',
      },
      { commits: spreadCommits('2026-01-01', 12, 3) },
    );
    const c = capture();
    const code = await runCli(['match', ads, '--repos', project, '--format', 'json', '-q'], c.io);
    assert.equal(code, 0, c.err());
    const report = JSON.parse(c.out());
    assert.equal(report.ads.length, 7);
    const bad = report.ads.filter((a: { error: string | null }) => a.error !== null);
    assert.equal(bad.length, 3, 'empty, German and a page with no posting');
    assert.deepEqual(
      report.ads.filter((a: { rank: number | null }) => a.rank !== null).map((a: { rank: number }) => a.rank),
      [1, 2, 3, 4],
    );
  });

  it('needs repositories, and fails when no ad can be read', async () => {
    const c = capture();
    assert.equal(await runCli(['match', join(ads, 'bulleted.md')], c.io), 2);
    assert.match(c.err(), /no repositories/);
    const d = capture();
    const project = repo({ 'a.py': 'import numpy\n' });
    assert.equal(await runCli(['match', join(ads, 'empty.txt'), '--repos', project, '-q'], d.io), 2);
    assert.match(d.err(), /no ad could be read/);
  });

  it('writes csv with one row per ad', async () => {
    const project = repo({ 'a.py': 'import numpy\n' });
    const c = capture();
    await runCli(
      [
        'match',
        join(ads, 'bulleted.md'),
        join(ads, 'glued-run-on.txt'),
        '--repos',
        project,
        '-f',
        'csv',
        '-q',
      ],
      c.io,
    );
    assert.equal(c.out().trim().split('\r\n').length, 3);
  });
});

describe('unherd idea (CLI)', () => {
  it('rates an idea given as text or as a file', async () => {
    const c = capture();
    assert.equal(await runCli(['idea', 'Predict house prices with the Kaggle dataset'], c.io), 0);
    assert.match(c.out(), /RETHINK/);
    const file = join(tempDir(), 'idea.md');
    writeFileSync(
      file,
      '# My idea\n\nClassify bird song recorded in my garden with a microphone, to help local gardeners know which birds visit.\n',
    );
    const d = capture();
    assert.equal(await runCli(['idea', '--file', file, '--format', 'json'], d.io), 0);
    assert.equal(JSON.parse(d.out()).verdict, 'go');
  });

  it('refuses an empty idea', async () => {
    const c = capture();
    assert.equal(await runCli(['idea', '   '], c.io), 2);
    assert.match(c.err(), /no idea/);
  });
});
