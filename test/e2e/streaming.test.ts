import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Report } from '../../src/engine/report.js';
import { renderCsv } from '../../src/reporters/csv.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/unherd.js');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
const validateRepo = new Ajv2020.default({ allErrors: true }).compile({
  ...schema,
  $ref: '#/$defs/repoReport',
  required: undefined,
  properties: undefined,
  additionalProperties: undefined,
  type: undefined,
});

function unherd(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cohort(): string[] {
  return [1, 2, 3].map((n) =>
    repo(
      {
        'README.md': `# Project ${n}\n\nForecasting demand ${n}.\n`,
        'requirements.txt': 'pandas==2.2.0\n',
        'src/model.py': 'import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n',
      },
      { commits: spreadCommits('2024-01-01', 10 * n, 3) },
    ),
  );
}

describe('streamed output', () => {
  it('--format jsonl writes one valid RepoReport per line with its input index', () => {
    const repos = cohort();
    const missing = join(tempDir(), 'missing');
    const inputs = [repos[0]!, missing, repos[1]!, repos[2]!];
    const { status, stdout } = unherd(['audit', ...inputs, '--format', 'jsonl', '--jobs', '2']);
    assert.equal(status, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    const parsed = lines.map((l) => JSON.parse(l) as Report['repos'][number] & { index: number });
    for (const line of parsed) assert.ok(validateRepo(line), JSON.stringify(validateRepo.errors));
    assert.deepEqual(parsed.map((r) => r.index).sort(), [0, 1, 2, 3]);
    for (const r of parsed) assert.equal(r.path, inputs[r.index]);
    assert.match(parsed.find((r) => r.path === missing)?.error ?? '', /No such folder/);

    // The same repositories as the JSON report gives them, but for the index.
    const whole = JSON.parse(unherd(['audit', ...inputs, '--format', 'json']).stdout) as Report;
    for (const r of parsed) {
      const { index, ...rest } = r;
      assert.deepEqual(rest, whole.repos[index]);
    }
  });

  it('--format csv streams rows in input order, the same bytes as the whole-report CSV', () => {
    const repos = cohort();
    const inputs = [repos[2]!, repos[0]!, repos[1]!];
    const streamed = unherd(['audit', ...inputs, '--format', 'csv', '--jobs', '2']);
    assert.equal(streamed.status, 0);
    const whole = JSON.parse(unherd(['audit', ...inputs, '--format', 'json']).stdout) as Report;
    assert.equal(streamed.stdout, renderCsv(whole));
    const out = join(tempDir(), 'cohort.csv');
    assert.equal(unherd(['audit', ...inputs, '--format', 'csv', '--quiet', '--output', out]).status, 0);
    assert.equal(readFileSync(out, 'utf8'), streamed.stdout);
  });

  it('exits 2 when no repository of a streamed run could be audited, 1 on --fail-on', () => {
    const missing = join(tempDir(), 'missing');
    assert.equal(unherd(['audit', missing, `${missing}-2`, '--format', 'jsonl']).status, 2);
    const repos = cohort();
    assert.equal(unherd(['audit', ...repos, '--format', 'jsonl', '--fail-on', 'low']).status, 1);
  });

  it('rejects a negative --repo-timeout as a usage error', () => {
    const { status, stderr } = unherd(['audit', '.', '--repo-timeout', '-1']);
    assert.equal(status, 2);
    assert.match(stderr, /seconds/);
  });
});
