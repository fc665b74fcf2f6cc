import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Report } from '../../src/engine/report.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
/** tsx by URL: the CLI runs in a temporary folder, where a bare 'tsx' would not resolve. */
const TSX = import.meta.resolve('tsx');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
const validateReport = new Ajv2020.default({ allErrors: true }).compile(schema);
const {
  $schema: _draft,
  id: _id,
  ...sarifSchema
} = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
const validateSarif = new Ajv.default({
  strict: false,
  unicodeRegExp: false,
  validateFormats: false,
}).compile(sarifSchema);

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

/** Runs the CLI from source (no build needed) in `cwd`, where a config file may sit. */
function unherd(args: string[], cwd: string = tempDir()) {
  const script = `import(${JSON.stringify(MAIN)}).then(async (m) => {
    process.exitCode = await m.runCli(JSON.parse(process.env.UNHERD_TEST_ARGS), {
      stdout: process.stdout, stderr: process.stderr, env: process.env,
    });
  })`;
  const result = spawnSync(process.execPath, ['--import', TSX, '-e', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', UNHERD_TEST_ARGS: JSON.stringify(args) },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function hostileRepo(): string {
  return repo(
    {
      'README.md': `# Bikes ${HOSTILE}\n\nPredicting bike demand ${HOSTILE}.\n`,
      [`src/${'"><img src=x onerror=alert(3)>'}.py`]: 'import os\nprint(os.environ)\n',
      'data/big.csv': 'a,b\n1,2\n',
    },
    { commits: spreadCommits('2024-01-01', 2, 3, () => `Add ${HOSTILE}`) },
  );
}

describe('report formats through the CLI', () => {
  it('html: every repository-derived string is text, not markup', () => {
    const dir = hostileRepo();
    const out = join(tempDir(), 'report.html');
    const { status, stderr } = unherd([
      'audit',
      dir,
      hostileRepo(),
      '--format',
      'html',
      '--output',
      out,
      '-q',
    ]);
    assert.equal(status, 0, stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img[^>]*onerror/i);
    assert.equal((html.match(/<script>/g) ?? []).length, 1, 'only the sorting script');
    assert.match(html, /<table class="sortable">/);
  });

  it('sarif validates against the official schema and csv has one row per repository', () => {
    const dir = hostileRepo();
    const sarif = unherd(['audit', dir, '--format', 'sarif', '-q']);
    assert.equal(sarif.status, 0, sarif.stderr);
    const log = JSON.parse(sarif.stdout);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
    const csv = unherd(['audit', dir, hostileRepo(), '--format', 'csv', '-q']);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout.split('\r\n').filter((l) => l !== '').length, 3);
  });

  it('badge writes an SVG with the score', () => {
    const out = join(tempDir(), 'badge.svg');
    const { status, stderr } = unherd(['badge', hostileRepo(), '--out', out]);
    assert.equal(status, 0, stderr);
    assert.match(readFileSync(out, 'utf8'), /^<svg[\s\S]*\d+\/100/);
  });

  it('--profile adds a portfolio that validates against the report schema', () => {
    const deep = repo(
      { 'README.md': '# Air quality\n\nForecasting air pollution in Lyon.\n' },
      { commits: spreadCommits('2024-01-01', 50, 20) },
    );
    const { status, stdout, stderr } = unherd([
      'audit',
      '--profile',
      deep,
      hostileRepo(),
      '--format',
      'json',
      '-q',
    ]);
    assert.equal(status, 0, stderr);
    const report = JSON.parse(stdout) as Report;
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors, null, 2));
    assert.equal(report.portfolio?.flagship?.path, deep);
    assert.equal(report.generatedAt, undefined, 'no timestamp unless asked');
  });
});

describe('config file through the CLI', () => {
  it('an ignore entry keeps the finding, marked with its reason, and takes it out of the score', () => {
    const dir = hostileRepo();
    const plain = unherd(['audit', dir, '--format', 'json', '-q', '--only', 'GIT102,GIT101,RD101']);
    assert.equal(plain.status, 0, plain.stderr);
    const before = JSON.parse(plain.stdout) as Report;
    const failing = before.repos[0]!.findings.find((f) => f.outcome === 'fail');
    assert.ok(failing, 'the short history fails something');

    const cwd = tempDir();
    writeFileSync(
      join(cwd, '.unherdrc.yml'),
      `ignore:\n  - check: ${failing.check}\n    reason: "Imported from my university GitLab"\n`,
    );
    const withConfig = unherd(['audit', dir, '--format', 'json', '-q', '--only', 'GIT102,GIT101,RD101'], cwd);
    assert.equal(withConfig.status, 0, withConfig.stderr);
    const after = JSON.parse(withConfig.stdout) as Report;
    assert.ok(validateReport(after), JSON.stringify(validateReport.errors, null, 2));
    const marked = after.repos[0]!.findings.find((f) => f.check === failing.check && f.outcome === 'fail');
    assert.deepEqual(marked?.ignored, { reason: 'Imported from my university GitLab' });
    const result = after.repos[0]!.checks.find((c) => c.check === failing.check);
    assert.equal(result?.outcome, 'not-applicable');
    assert.notEqual(after.repos[0]!.score, before.repos[0]!.score);
    assert.ok(!after.repos[0]!.nextSteps.some((s) => s.check === failing.check));

    const md = unherd(['audit', dir, '--format', 'markdown', '-q', '--only', 'GIT102,GIT101,RD101'], cwd);
    assert.match(md.stdout, /Ignored by the config[\s\S]*Imported from my university GitLab/);
  });

  it("a config inside the audited repository is not honoured: it is the candidate's file", () => {
    const dir = repo(
      {
        'README.md': '# x\n',
        'unherd.config.json': JSON.stringify({ checks: { GIT101: 'off', GIT102: 'off' } }),
      },
      { commits: spreadCommits('2024-01-01', 1, 2) },
    );
    const { stdout } = unherd(['audit', dir, '--format', 'json', '-q', '--only', 'GIT101,GIT102']);
    const report = JSON.parse(stdout) as Report;
    assert.deepEqual(report.repos[0]!.checks.map((c) => c.check).sort(), ['GIT101', 'GIT102']);
  });

  it('a bad config is a usage error naming the file, line and key', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.unherdrc.yml'), 'checks:\n  NB101: off\nignores: []\n');
    const { status, stderr } = unherd(['audit', hostileRepo(), '-q'], cwd);
    assert.equal(status, 2);
    assert.match(stderr, /\.unherdrc\.yml:3: ignores: unknown key "ignores"/);
  });
});
