import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/helpers/repo.js';
import { compileBundledCatalogue, loadCatalogue, parseCatalogueFile } from './catalogue.js';

describe('herd catalogue', () => {
  it('compiles to JSON that loads as the same entries the YAML gives', () => {
    const folder = new URL('./catalogue/', import.meta.url).pathname;
    const compiled = JSON.parse(compileBundledCatalogue(folder)) as {
      files: { name: string; data: ReturnType<typeof parseCatalogueFile> }[];
    };
    const c = loadCatalogue();
    assert.deepEqual(
      compiled.files.flatMap((f) => f.data.datasets ?? []).map((d) => d.id),
      c.datasets.map((d) => d.id),
    );
    for (const f of compiled.files) {
      assert.deepEqual(f.data, parseCatalogueFile(readFileSync(join(folder, f.name), 'utf8'), f.name));
    }
  });

  it('ships at least 60 stock datasets, course capstones and overused topics, with unique ids', () => {
    const c = loadCatalogue();
    assert.ok(c.datasets.length >= 60, `datasets: ${c.datasets.length}`);
    assert.ok(c.capstones.length >= 10);
    assert.ok(c.topics.length >= 25);
    for (const list of [c.datasets, c.capstones, c.topics]) {
      const ids = list.map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length);
    }
    const topicIds = new Set(c.topics.map((t) => t.id));
    for (const d of c.datasets)
      if (d.topic) assert.ok(topicIds.has(d.topic), `${d.id} names unknown topic ${d.topic}`);
    for (const d of c.datasets) {
      const signals =
        (d.files?.length ?? 0) +
        (d.headers?.length ?? 0) +
        (d.loaders?.length ?? 0) +
        (d.kaggle?.length ?? 0) +
        (d.layouts?.length ?? 0);
      assert.ok(signals > 0, `${d.id} has no fingerprint`);
    }
  });

  it('lets a user file add and replace entries', () => {
    const dir = tempDir();
    const file = join(dir, 'mine.yml');
    writeFileSync(
      file,
      'version: 1\ndatasets:\n  - id: iris\n    name: Iris (ours)\n    task: t\n    files: [{ name: flowers.csv }]\n  - id: bootcamp-rent\n    name: Bootcamp rent data\n    task: rent regression\n    files: [{ name: rent_bootcamp.csv }]\n',
    );
    const c = loadCatalogue([file]);
    assert.equal(c.datasets.find((d) => d.id === 'iris')?.name, 'Iris (ours)');
    assert.ok(c.datasets.some((d) => d.id === 'bootcamp-rent'));
    assert.equal(c.sources.at(-1), file);
  });

  it('names the file and line of a syntax error or an unknown field', () => {
    assert.throws(
      () => parseCatalogueFile('version: 1\ndatasets: [\n', 'my.yml'),
      /my\.yml:3:\d+: YAML syntax error/,
    );
    assert.throws(
      () =>
        parseCatalogueFile(
          'version: 1\ndatasets:\n  - id: x\n    name: y\n    task: z\n    colour: red\n',
          'my.yml',
        ),
      /my\.yml:6: unknown field "colour"/,
    );
    assert.throws(() => parseCatalogueFile('version: 2\n', 'my.yml'), /my\.yml:1: .*version/);
  });

  it('reports a missing catalogue file clearly', () => {
    assert.throws(
      () => loadCatalogue(['/nonexistent/cat.yml']),
      /Cannot read catalogue file \/nonexistent\/cat\.yml: ENOENT/,
    );
  });
});
