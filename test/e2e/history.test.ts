import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { HistoryDocument } from '../../src/cli/history.js';
import type { Report } from '../../src/engine/report.js';
import { openStore } from '../../src/store/index.js';
import { makeCommit, repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/unherd.js');
const reportSchema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
const validateReport = new Ajv2020.default({ allErrors: true }).compile(reportSchema);
const historySchema = JSON.parse(readFileSync(join(ROOT, 'schema/history.schema.json'), 'utf8'));
const validateHistory = new Ajv2020.default({ allErrors: true }).compile(historySchema);

function unherd(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(): string {
  return repo(
    { 'README.md': '# Bike demand\n\nPredicting hourly bike demand in Lyon from weather.\n' },
    { commits: spreadCommits('2024-01-01', 50, 6) },
  );
}

async function runCount(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    const row = await store.db
      .selectFrom('runs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}

describe('audit history', () => {
  it('serves an unchanged repository from the store and audits a changed one, saying what changed', async () => {
    const dir = project();
    const db = join(tempDir(), 'history.db');
    const first = unherd(['audit', dir, '--db', db, '--format', 'json', '--tag', 'spring']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(await runCount(db), 1);
    assert.doesNotMatch(first.stderr, /served from/);

    const second = unherd(['audit', dir, '--db', db, '--format', 'json']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, /1 repository unchanged since the last recorded run: served from/);
    assert.equal(await runCount(db), 1, 'the unchanged repository was not audited again');
    assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));

    const refreshed = unherd(['audit', dir, '--db', db, '--format', 'json', '--refresh']);
    assert.doesNotMatch(refreshed.stderr, /served from/);
    assert.equal(await runCount(db), 2, '--refresh audits again');

    makeCommit(dir, {
      date: '2024-03-01',
      message: 'Add tests for the demand model',
      files: { 'tests/test_model.py': 'def test_ok():\n    assert round(2.5) == 2\n' },
    });
    const changed = unherd(['audit', dir, '--db', db, '--format', 'json']);
    assert.equal(changed.status, 0, changed.stderr);
    assert.doesNotMatch(changed.stderr, /served from/);
    assert.equal(await runCount(db), 3);
    const report = JSON.parse(changed.stdout) as Report;
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
    const changes = report.repos[0]!.changes;
    assert.ok(changes, 'a changed repository says what changed since the last run');
    assert.ok(changes.fixed.length > 0, JSON.stringify(changes));
    assert.match(changes.summary, /now /);

    // An uncommitted edit is a new working-tree state: audited, not served.
    writeFileSync(join(dir, 'notes.md'), 'draft\n');
    const dirty = unherd(['audit', dir, '--db', db, '--quiet']);
    assert.equal(dirty.status, 0);
    assert.equal(await runCount(db), 4);

    const json = unherd(['history', dir, '--db', db, '--format', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const history = JSON.parse(json.stdout) as HistoryDocument;
    assert.ok(validateHistory(history), JSON.stringify(validateHistory.errors));
    assert.equal(history.runs.length, 4);
    assert.equal(history.runs[0]?.changes, null, 'oldest first; the first run has nothing to compare with');
    assert.deepEqual(history.repo.tags, ['spring']);
    assert.equal(history.runs[2]?.changes?.summary, changes.summary);
    const sorted = [...history.runs].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    assert.deepEqual(history.runs, sorted);

    const terminal = unherd(['history', dir, '--db', db]);
    assert.equal(terminal.status, 0);
    assert.match(terminal.stdout, /Score\s+[▁▂▃▄▅▆▇█]{4}/);
    assert.match(terminal.stdout, /now /);
    for (const format of ['markdown', 'html', 'csv']) {
      const out = unherd(['history', dir, '--db', db, '--format', format]);
      assert.equal(out.status, 0, `${format}: ${out.stderr}`);
      assert.match(out.stdout, /now /, format);
    }
    const unknown = unherd(['history', tempDir(), '--db', db]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no recorded runs of/);
  });

  it('records into the data folder by default, and nothing with --no-db', () => {
    const dir = project();
    const dataHome = tempDir();
    const off = unherd(['audit', dir, '--no-db', '--quiet'], { XDG_DATA_HOME: dataHome });
    assert.equal(off.status, 0);
    assert.equal(existsSync(join(dataHome, 'unherd')), false);
    const on = unherd(['audit', dir, '--quiet'], { XDG_DATA_HOME: dataHome });
    assert.equal(on.status, 0, on.stderr);
    assert.ok(existsSync(join(dataHome, 'unherd', 'history.db')));
  });

  it('warns and still audits when the store cannot be opened', () => {
    const dir = project();
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the data folder should be');
    const result = unherd(['audit', dir], { XDG_DATA_HOME: blocker });
    assert.equal(result.status, 0);
    assert.match(result.stderr, /warning: not recording this run/);
    assert.match(result.stdout, /Bike demand/);
  });
});
