import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repo, spreadCommits, tempDir } from '../../test/helpers/repo.js';
import type { AnyCheck } from '../checks/types.js';
import { UnherdError } from '../errors.js';
import { renderJson } from '../reporters/json.js';
import { auditPaths, selectChecks, TOOL_VERSION } from './audit.js';

describe('auditPaths', () => {
  it('keeps input order, records bad paths as errors and finishes the rest', async () => {
    const a = repo({ 'README.md': '# A\n' }, { commits: spreadCommits('2024-01-01', 10, 3) });
    const b = repo({ 'b.py': 'x = 1\n' }, { git: false });
    const file = join(b, 'b.py');
    const progress: number[] = [];
    const report = await auditPaths([b, '/no/such/folder', a, file], { jobs: 3 }, (p) =>
      progress.push(p.done),
    );
    assert.deepEqual(
      report.repos.map((r) => r.path),
      [b, '/no/such/folder', a, file],
    );
    assert.deepEqual(
      report.repos.map((r) => r.error === null),
      [true, false, true, false],
    );
    assert.deepEqual(progress, [1, 2, 3, 4]);
    assert.deepEqual(report.tool, { name: 'unherd', version: TOOL_VERSION });
  });

  it('gives byte-identical JSON for the same input, in process or in the pool', async () => {
    const a = repo({ 'README.md': '# A\n\nAbout A.\n' }, { commits: spreadCommits('2024-01-01', 30, 4) });
    const once = renderJson(await auditPaths([a, a], { jobs: 2 }));
    const again = renderJson(await auditPaths([a, a], { jobs: 1 }));
    assert.equal(once, again);
    const inProcess = JSON.parse(renderJson(await auditPaths([a])));
    assert.deepEqual(inProcess.repos[0], JSON.parse(once).repos[0]);
  });

  it("turns a worker crash into that repository's error and finishes the others", async () => {
    const dir = tempDir();
    const worker = join(dir, 'crashing-worker.mjs');
    writeFileSync(
      worker,
      [
        'export default async function (task) {',
        "  if (task.path.includes('crash')) {",
        "    setImmediate(() => { throw new Error('native parser blew up'); });",
        '    return new Promise(() => {});',
        '  }',
        "  return { path: task.path, name: 'ok', error: null };",
        '}',
      ].join('\n'),
    );
    const report = await auditPaths(['one', 'crash-me', 'two'], {
      jobs: 2,
      workerUrl: pathToFileURL(worker),
    });
    assert.deepEqual(
      report.repos.map((r) => r.path),
      ['one', 'crash-me', 'two'],
    );
    assert.equal(report.repos[0]?.error, null);
    assert.match(report.repos[1]?.error ?? '', /worker/);
    assert.equal(report.repos[2]?.error, null);
  });
});

describe('selectChecks', () => {
  const fake = (code: string, name: string) => ({ code, name }) as AnyCheck;
  const all = [fake('AA101', 'first-thing'), fake('AA102', 'second-thing'), fake('BB101', 'third-thing')];

  it('narrows by --only and --skip, by code or name, ignoring case', () => {
    assert.deepEqual(
      selectChecks({ only: ['aa101', 'second-thing'] }, all).map((c) => c.code),
      ['AA101', 'AA102'],
    );
    assert.deepEqual(
      selectChecks({ skip: ['AA102'] }, all).map((c) => c.code),
      ['AA101', 'BB101'],
    );
  });

  it('rejects unknown codes as a usage error', () => {
    assert.throws(
      () => selectChecks({ only: ['ZZ999'] }, all),
      (err: unknown) => err instanceof UnherdError && err.code === 'USAGE',
    );
  });
});
