import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { analyseRepo } from '../../src/engine/analyse.js';
import { auditPaths } from '../../src/engine/audit.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { git, repo, tempDir } from '../helpers/repo.js';

/**
 * The bad-input list, end to end through the whole engine: each input yields findings or an
 * `error` entry with a clear message, never a crash, never an unbounded read.
 */
describe('bad input, end to end', () => {
  it('audits tens of thousands of files, listing up to the cap and saying it was cut', async () => {
    const dir = tempDir();
    for (let d = 0; d < 120; d++) {
      const folder = join(dir, `part_${d}`);
      mkdirSync(folder);
      for (let f = 0; f < 200; f++) writeFileSync(join(folder, `f${f}.txt`), 'x\n');
    }
    writeFileSync(join(dir, 'main.py'), 'print("hello")\n');
    const config = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_LIMITS, maxFiles: 10_000 } };
    const report = await analyseRepo(dir, { config });
    assert.equal(report.error, null);
    assert.equal(report.facts?.files, 10_000);
    assert.equal(report.facts?.filesTruncated, true);
    assert.match(report.summary, /Only the first 10000 files were read/);
    assert.ok(report.score !== null);
  });

  it('audits an empty repository (no commits) and says history cannot show the work', async () => {
    const dir = repo({});
    const report = await analyseRepo(dir);
    assert.equal(report.error, null);
    assert.equal(report.facts?.git?.commitCount, 0);
    assert.ok(report.findings.some((f) => f.check === 'GIT101' && f.outcome === 'fail'));
  });

  it('audits a folder that is not a git repository, history unknown rather than failed', async () => {
    const dir = repo({ 'analysis.py': 'import pandas as pd\n' }, { git: false });
    const report = await analyseRepo(dir);
    assert.equal(report.error, null);
    assert.equal(report.facts?.git, null);
    const history = report.checks.filter((c) => ['GIT101', 'GIT102', 'GIT103'].includes(c.check));
    assert.ok(history.every((c) => c.outcome === 'unknown'));
    assert.ok(report.checks.some((c) => c.check === 'GIT106' && c.outcome === 'fail'));
    assert.ok(report.excludedPrinciples.some((p) => p.principle === 'one-deep-project'));
  });

  it('never runs setup.py, conftest.py or notebooks, whatever they contain', async () => {
    const marker = join(tempDir(), 'ran');
    const payload = `open(${JSON.stringify(marker)}, 'w').write('ran')\n`;
    const dir = repo(
      {
        'setup.py': `${payload}from setuptools import setup\nsetup(name='x', install_requires=['pandas==2.2.1'])\n`,
        'conftest.py': payload,
        'tests/test_x.py': `${payload}def test_x():\n    assert True\n`,
        'nb.ipynb': JSON.stringify({
          cells: [{ cell_type: 'code', source: [payload], metadata: {}, execution_count: null, outputs: [] }],
          metadata: {},
          nbformat: 4,
          nbformat_minor: 5,
        }),
      },
      { commits: [{ date: '2024-01-01', message: 'Add package', files: {} }] },
    );
    const report = await analyseRepo(dir);
    assert.equal(report.error, null);
    assert.equal(existsSync(marker), false, 'nothing from the repository was executed');
    assert.ok(report.facts?.dependencyManifests.includes('setup.py'));
  });

  it('reports a missing path, a file and an unreadable folder as errors and audits the rest, in order', async () => {
    const good = repo(
      { 'a.py': 'x = 1\n' },
      { commits: [{ date: '2024-01-01', message: 'Add a', files: {} }] },
    );
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'not a folder');
    const report = await auditPaths([join(good, 'missing'), file, good], { jobs: 1 });
    assert.deepEqual(
      report.repos.map((r) => [r.error === null, r.error?.split(':')[0] ?? null]),
      [
        [false, 'No such folder'],
        [false, 'Not a folder'],
        [true, null],
      ],
    );
  });

  it('treats a repository whose git config would run programs as plain data', async () => {
    const marker = join(tempDir(), 'pwned');
    const dir = repo(
      { 'a.py': 'x = 1\n', '.gitattributes': '*.py diff=evil filter=evil\n' },
      { commits: [{ date: '2024-01-01', message: 'Add a', files: {} }] },
    );
    const run = `sh -c 'touch ${marker}'`;
    for (const [key, value] of [
      ['core.fsmonitor', run],
      ['core.pager', run],
      ['diff.evil.textconv', run],
      ['filter.evil.clean', run],
      ['filter.evil.smudge', run],
      ['filter.evil.process', run],
      ['core.hooksPath', dir],
      ['log.showSignature', 'true'],
      ['gpg.program', run],
    ]) {
      git(dir, ['config', key!, value!]);
    }
    writeFileSync(join(dir, 'a.py'), 'x = 2\n'); // a dirty file: a filter would run on `git status`
    const report = await analyseRepo(dir);
    assert.equal(report.error, null);
    assert.equal(report.facts?.git?.commitCount, 1);
    assert.equal(existsSync(marker), false, 'no program named by the repository ran');
  });
});
