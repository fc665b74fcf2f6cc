import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repo, spreadCommits, tempDir } from '../../test/helpers/repo.js';
import type { AnyCheck } from '../checks/types.js';
import { UnherdError } from '../errors.js';
import { renderJson } from '../reporters/json.js';
import { auditEach, auditPaths, selectChecks, TOOL_VERSION } from './audit.js';

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

/** A worker that answers at once, except for paths naming `hang` (a busy loop) or `slow-<ms>`. */
function scriptedWorker(): URL {
  const worker = join(tempDir(), 'scripted-worker.mjs');
  writeFileSync(
    worker,
    [
      'export default async function (task) {',
      "  if (task.path.includes('hang')) for (;;) {}",
      "  if (task.path.startsWith('gate:')) {",
      "    const { existsSync } = await import('node:fs');",
      '    while (!existsSync(task.path.slice(5))) await new Promise((r) => setTimeout(r, 20));',
      '  }',
      '  const slow = /slow-(\\d+)/.exec(task.path);',
      '  if (slow) await new Promise((r) => setTimeout(r, Number(slow[1])));',
      '  return { path: task.path, name: task.path, error: null };',
      '}',
    ].join('\n'),
  );
  return pathToFileURL(worker);
}

describe('auditEach', () => {
  it('hands over each report as it finishes, with its input position', async () => {
    // The first repository waits for a file the sink writes on the first report it gets, so it
    // is sure to finish after a later one, however loaded the machine.
    const gate = join(tempDir(), 'open');
    const first = `gate:${gate}`;
    const inputs = [first, 'quick-a', 'quick-b'];
    const seen: [string, number][] = [];
    await auditEach(inputs, { jobs: 2, workerUrl: scriptedWorker() }, (report, index) => {
      seen.push([report.path, index]);
      writeFileSync(gate, '');
    });
    assert.notEqual(seen[0]?.[0], first);
    assert.deepEqual(seen.map(([, i]) => i).sort(), [0, 1, 2]);
    for (const [path, index] of seen) assert.equal(inputs[index], path);
  });

  it('starts the next repository only when the sink has taken the last one', async () => {
    let inSink = 0;
    let overlapped = false;
    await auditEach(['a', 'b', 'c', 'd'], { jobs: 1, workerUrl: scriptedWorker() }, async () => {
      inSink += 1;
      if (inSink > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 20));
      inSink -= 1;
    });
    assert.equal(overlapped, false);
  });

  it('stops a repository at the time limit, replaces its worker and audits the rest', async () => {
    const reports: Record<string, { error: string | null }> = {};
    const started = Date.now();
    await auditEach(
      ['hang-forever', 'after-1', 'after-2'],
      { jobs: 1, workerUrl: scriptedWorker(), repoTimeoutMs: 8000 },
      (report) => {
        reports[report.path] = report as never;
      },
    );
    assert.match(reports['hang-forever']?.error ?? '', /stopped after 8 s, the per-repository time limit/);
    assert.equal(reports['after-1']?.error, null);
    assert.equal(reports['after-2']?.error, null);
    // One thread (jobs 1): the repositories after the hang ran in the worker started in its place.
    assert.ok(Date.now() - started < 60_000);
  });

  it('gives a repository that outlives the limit in this thread an error too', async () => {
    const a = repo({ 'README.md': '# A\n' }, { commits: spreadCommits('2024-01-01', 5, 2) });
    const [report] = (await auditPaths([a], { repoTimeoutMs: 1 })).repos;
    assert.match(report?.error ?? '', /per-repository time limit/);
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
