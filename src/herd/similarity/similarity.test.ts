import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { repo, tempDir } from '../../../test/helpers/repo.js';
import { UnherdError } from '../../errors.js';
import { expandRepoDirs, profileCohort } from './cohort.js';
import { findCopies } from './copies.js';
import { ALICE_CELLS, BOB_CELLS, CAROL_PY, DAVE_CELLS, notebookOf } from './fixtures.test-data.js';
import { INDEX_SCHEMA_VERSION, SimilarityIndex, writeIndex } from './index-db.js';
import { CODE_COLLECTORS, profileRepo } from './profile.js';
import type { RepoProfile } from './types.js';

function cohort(): Record<string, string> {
  const root = tempDir();
  const dirs = {
    alice: repo(
      { 'README.md': '# Bike rides in Lisbon\n', 'rides.ipynb': notebookOf(ALICE_CELLS, 'Bike rides') },
      { git: false },
    ),
    bob: repo(
      { 'README.md': '# Bike trips\n', 'analysis/trips.ipynb': notebookOf(BOB_CELLS, 'Trips') },
      { git: false },
    ),
    carol: repo({ 'README.md': '# Rent prices\n', 'src/scrape.py': CAROL_PY }, { git: false }),
    dave: repo(
      { 'README.md': '# Survey\n', 'survey.ipynb': notebookOf(DAVE_CELLS, 'Survey') },
      { git: false },
    ),
  };
  return { root, ...dirs };
}

async function profiles(paths: string[], collectors = CODE_COLLECTORS): Promise<RepoProfile[]> {
  const got = await profileCohort(paths, { collectors });
  assert.deepEqual(got.failures, []);
  return got.profiles;
}

describe('copy detection in a cohort', () => {
  it('finds the disguised copy and nothing else, with passages on both sides', async () => {
    const c = cohort();
    const list = await profiles([c.alice!, c.bob!, c.carol!, c.dave!]);
    const pairs = findCopies(list);
    assert.equal(pairs.length, 1);
    const [pair] = pairs;
    assert.equal(pair!.a, c.alice);
    assert.equal(pair!.b, c.bob);
    assert.ok(pair!.similarity >= 0.7, `similarity ${pair!.similarity}`);
    assert.ok(pair!.passages.length >= 2);
    for (const p of pair!.passages) {
      assert.equal(p.a.file, 'rides.ipynb');
      assert.equal(p.b.file, 'analysis/trips.ipynb');
      assert.ok(p.a.cell !== undefined && p.b.cell !== undefined);
      assert.ok(p.a.startLine >= 1 && p.a.endLine >= p.a.startLine);
    }
    // The weekday function is cell 4 in Alice's notebook and cell 2 in Bob's (markdown title is cell 0).
    assert.ok(pair!.passages.some((p) => p.a.cell === 4 && p.b.cell === 2));
  });

  it('lists unreadable repositories as failures and profiles the rest', async () => {
    const c = cohort();
    const got = await profileCohort([c.alice!, join(c.root!, 'missing')], { collectors: CODE_COLLECTORS });
    assert.equal(got.profiles.length, 1);
    assert.equal(got.failures.length, 1);
    assert.match(got.failures[0]!.reason, /No such folder/);
  });

  it('records binary, UTF-16 and unparseable files as problems instead of failing', async () => {
    const dir = repo(
      {
        'bin.py': new Uint8Array([0, 1, 2, 255, 0, 7, 0, 0]),
        'wide.py': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CAROL_PY, 'utf16le')]),
        'crlf.py': CAROL_PY.replace(/\n/g, '\r\n'),
        'broken.ipynb': '{"cells": [',
      },
      { git: false },
    );
    const got = await profileRepo(dir, { collectors: CODE_COLLECTORS });
    assert.ok(got.ok);
    const files = got.profile.code.units.map((u) => u.file);
    assert.ok(files.includes('wide.py') && files.includes('crlf.py'));
    assert.deepEqual(
      got.profile.code.problems.map((p) => p.file),
      ['bin.py'],
    );
    const wide = got.profile.code.fingerprints.filter(
      (f) => got.profile.code.units[f.unit]!.file === 'wide.py',
    );
    const crlf = got.profile.code.fingerprints.filter(
      (f) => got.profile.code.units[f.unit]!.file === 'crlf.py',
    );
    assert.deepEqual(
      wide.map((f) => f.hash),
      crlf.map((f) => f.hash),
    );
  });

  it('treats a folder of folders as a cohort, and a folder with files or .git as one repository', () => {
    const parent = tempDir();
    for (const name of ['b', 'a', '.hidden']) mkdirSync(join(parent, name));
    assert.deepEqual(expandRepoDirs([parent]), [join(parent, 'a'), join(parent, 'b')]);
    const withGit = tempDir();
    mkdirSync(join(withGit, '.git'));
    mkdirSync(join(withGit, 'src'));
    const withFile = repo({ 'nb/x.py': 'x = 1\n', 'README.md': '# x\n' }, { git: false });
    assert.deepEqual(expandRepoDirs([withGit, withFile]), [withGit, withFile]);
  });
});

describe('similarity index', () => {
  it('round-trips: neighbours of a disguised copy name the original, with what they share', async () => {
    const c = cohort();
    const indexed = await profiles([c.alice!, c.carol!, c.dave!], undefined);
    const out = join(tempDir(), 'index.db');
    const stats = writeIndex(out, indexed, 'unherd-test');
    assert.equal(stats.repos, 3);
    assert.ok(stats.fingerprints > 0);
    const [bob] = await profiles([c.bob!], undefined);
    const index = SimilarityIndex.open(out);
    try {
      assert.equal(index.size, 3);
      assert.equal(index.meta('schema'), String(INDEX_SCHEMA_VERSION));
      const got = index.neighbours(bob!);
      assert.equal(got.compared, 3);
      assert.equal(got.nearest[0]?.path, c.alice);
      assert.ok(got.nearest[0]!.parts.code >= 0.7);
      assert.ok(got.nearest[0]!.shared.passages.length >= 2);
      assert.ok(got.nearest[0]!.shared.passages.every((p) => p.b.file === 'rides.ipynb'));
      assert.ok(got.nearest.every((n) => n.path !== c.carol));
      assert.ok(got.herdLikeness.code > 0 && got.herdLikeness.overall <= 1);
    } finally {
      index.close();
    }
  });

  it('does not report a repository as its own neighbour', async () => {
    const c = cohort();
    const indexed = await profiles([c.alice!, c.carol!], undefined);
    const out = join(tempDir(), 'index.db');
    writeIndex(out, indexed, 'unherd-test');
    const index = SimilarityIndex.open(out);
    try {
      assert.ok(index.neighbours(indexed[0]!).nearest.every((n) => n.path !== c.alice));
    } finally {
      index.close();
    }
  });

  it('refuses an index of another schema version and says how to rebuild it', async () => {
    const c = cohort();
    const out = join(tempDir(), 'old.db');
    writeIndex(out, await profiles([c.carol!]), 'unherd-test');
    const db = new Database(out);
    db.pragma('user_version = 99');
    db.close();
    assert.throws(
      () => SimilarityIndex.open(out),
      (err: unknown) =>
        err instanceof UnherdError &&
        /schema 99/.test(err.message) &&
        /unherd herd index/.test(err.hint ?? ''),
    );
  });

  it('makes random bytes, a truncated file, another database and a missing file typed errors', async () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    assert.throws(() => SimilarityIndex.open(junk), UnherdError);

    const c = cohort();
    const good = join(dir, 'good.db');
    const list = await profiles([c.alice!, c.bob!, c.carol!, c.dave!]);
    writeIndex(good, list, 'unherd-test');
    const cut = join(dir, 'cut.db');
    const bytes = readFileSync(good);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    assert.throws(() => {
      const index = SimilarityIndex.open(cut);
      try {
        index.neighbours(list[1]!);
      } finally {
        index.close();
      }
    }, UnherdError);

    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    assert.throws(() => SimilarityIndex.open(other), /not an unherd similarity index/);

    assert.throws(
      () => SimilarityIndex.open(join(dir, 'nope.db')),
      (err: unknown) => err instanceof UnherdError && err.code === 'NOT_FOUND',
    );
  });
});
