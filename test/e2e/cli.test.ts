import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Report } from '../../src/engine/report.js';
import { code as codeCell, notebook } from '../helpers/notebook.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/unherd.js');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true }).compile(schema);

function unherd(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function goodRepo(): string {
  return repo(
    {
      'README.md': '# Bike demand\n\nPredicting hourly bike demand in Lyon from weather.\n',
      'requirements.txt': 'pandas==2.2.0\n',
      'src/model.py': 'import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n',
    },
    { commits: spreadCommits('2024-01-01', 50, 8) },
  );
}

describe('unherd CLI', () => {
  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist/cli/main.js')), 'run `npm run build` first (npm test does)');
  });

  it('audits one repository and exits 0, without colour when NO_COLOR is set', () => {
    const dir = goodRepo();
    const { status, stdout } = unherd(['audit', dir, '--quiet'], { NO_COLOR: '1' });
    assert.equal(status, 0);
    assert.match(stdout, /Bike demand/);
    assert.match(stdout, /Principles/);
    assert.doesNotMatch(stdout, /\u001b\[/);
  });

  it('writes JSON that validates against the schema, keeps input order, and records bad paths', () => {
    const dir = goodRepo();
    const plain = repo({ 'notes.md': '# notes\n' }, { git: false });
    const file = join(dir, 'README.md');
    const missing = join(tempDir(), 'missing');
    const { status, stdout } = unherd([
      'audit',
      dir,
      missing,
      file,
      plain,
      '--format',
      'json',
      '--jobs',
      '2',
    ]);
    assert.equal(status, 0);
    const report = JSON.parse(stdout) as Report;
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.deepEqual(
      report.repos.map((r) => r.path),
      [dir, missing, file, plain],
    );
    assert.deepEqual(
      report.repos.map((r) => r.error === null),
      [true, false, false, true],
    );
  });

  it('gives byte-identical JSON on a second run', () => {
    const dir = goodRepo();
    const first = unherd(['audit', dir, dir, '--format', 'json']).stdout;
    const second = unherd(['audit', dir, dir, '--format', 'json', '--jobs', '1']).stdout;
    assert.equal(first, second);
  });

  it('exits 1 with --fail-on exactly when a finding at that severity fails', () => {
    const dir = repo(
      {
        'analysis.ipynb': notebook([
          codeCell("import pandas as pd\ndf = pd.read_csv('/Users/ada/Desktop/titanic.csv')", { exec: 3 }),
          codeCell('df.head()', { exec: 1 }),
        ]),
        'requirements.txt': 'pandas\nsklearn\n',
      },
      { commits: [{ date: '2024-03-01', message: 'Add files via upload' }] },
    );
    const json = unherd(['audit', dir, '--format', 'json']);
    assert.equal(json.status, 0, 'without --fail-on the run itself succeeds');
    const failing = (JSON.parse(json.stdout) as Report).repos[0]?.findings.some((f) => f.outcome === 'fail');
    const { status } = unherd(['audit', dir, '--fail-on', 'low', '--quiet']);
    assert.equal(status, failing ? 1 : 0);
  });

  it('exits 2 on usage errors, not commander’s 1', () => {
    const dir = goodRepo();
    for (const args of [
      ['audit', dir, '--bogus'],
      ['audit', dir, '--format', 'xml'],
      ['audit', dir, '--fail-on', 'critical'],
      ['audit', dir, '--jobs', '0'],
      ['audit', dir, '--only', 'ZZ999'],
      ['audit'],
      ['frobnicate'],
      ['explain', 'ZZ999'],
    ]) {
      const { status, stderr } = unherd(args);
      assert.equal(status, 2, `${args.join(' ')} → ${status}: ${stderr}`);
      assert.notEqual(stderr.trim(), '', `${args.join(' ')} says why`);
    }
  });

  it('exits 2 when no repository could be audited at all', () => {
    const { status, stdout } = unherd(['audit', join(tempDir(), 'nope'), '--format', 'json']);
    assert.equal(status, 2);
    assert.match((JSON.parse(stdout) as Report).repos[0]?.error ?? '', /nope/);
  });

  it('writes the report to --output and prints markdown on request', () => {
    const dir = goodRepo();
    const out = join(tempDir(), 'report.md');
    const { status, stdout } = unherd(['audit', dir, '--format', 'markdown', '--output', out, '--quiet']);
    assert.equal(status, 0);
    assert.equal(stdout, '');
    assert.match(readFileSync(out, 'utf8'), /^# unherd audit/);
  });

  it('lists checks, shows help and version with exit 0', () => {
    const checks = unherd(['checks']);
    assert.equal(checks.status, 0);
    assert.match(checks.stdout, /code|No checks/);
    assert.equal(unherd(['--help']).status, 0);
    const version = unherd(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});
