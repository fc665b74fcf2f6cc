import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseTargetList } from '../../src/cli/inputs.js';
import { type CliIo, runCli } from '../../src/cli/main.js';
import type { Report } from '../../src/engine/report.js';
import { type FakeGithub, startFakeGithub } from '../helpers/fake-github.js';
import { type GitServer, publishRepo, startGitServer } from '../helpers/git-server.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true }).compile(schema);

async function unherd(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const stream = (append: (s: string) => void) =>
    ({
      isTTY: false,
      columns: 100,
      write: (s: string) => {
        append(s);
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const io: CliIo = {
    stdout: stream((s) => {
      stdout += s;
    }),
    stderr: stream((s) => {
      stderr += s;
    }),
    env: { HOME: tempDir('unherd-home-'), ...env },
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

function parseReport(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
  return report;
}

const project = (title: string) => ({
  'README.md': `# ${title}\n\nForecasting demand from weather.\n`,
  'src/model.py': 'import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n',
});

describe('audit inputs: URLs, lists and GitHub users', () => {
  const served = tempDir('unherd-served-');
  let server: GitServer;
  let api: FakeGithub;

  before(async () => {
    publishRepo(served, 'bikes', project('Bike demand'), spreadCommits('2024-01-01', 50, 6));
    publishRepo(served, 'energy', project('Energy use'), spreadCommits('2024-02-01', 30, 4));
    publishRepo(served, 'forked', project('Someone else'), spreadCommits('2024-02-01', 3, 2));
    server = await startGitServer({ root: served });
    api = await startFakeGithub({
      perPage: 1,
      users: {
        octo: [
          { name: 'bikes', cloneUrl: `${server.url}/bikes.git` },
          { name: 'forked', cloneUrl: `${server.url}/forked.git`, fork: true },
          { name: 'energy', cloneUrl: `${server.url}/energy.git` },
        ],
      },
    });
  });
  after(async () => {
    await server.close();
    await api.close();
  });

  it('clones and audits a URL, naming the entry after the repository', async () => {
    const cache = tempDir('unherd-cache-');
    const url = `${server.url}/bikes.git`;
    const { status, stdout } = await unherd([
      'audit',
      url,
      '--allow-http',
      '--cache-dir',
      cache,
      '-f',
      'json',
      '-q',
    ]);
    assert.equal(status, 0);
    const [entry] = parseReport(stdout).repos;
    assert.equal(entry?.error, null);
    assert.equal(entry?.path, url);
    assert.equal(entry?.name, 'bikes');
    assert.equal(entry?.input?.url, url);
    assert.equal(entry?.facts?.git?.commitCount, 6);
  });

  it('refuses http without --allow-http and other transports, and still audits the rest', async () => {
    const local = repo(project('Local work'), { commits: spreadCommits('2024-01-01', 20, 3) });
    const { status, stdout } = await unherd([
      'audit',
      `${server.url}/bikes.git`,
      'file:///etc',
      'ext::sh -c id',
      'git@-oProxyCommand=id:repo',
      local,
      '-f',
      'json',
      '-q',
      '--cache-dir',
      tempDir('unherd-cache-'),
    ]);
    assert.equal(status, 0);
    const repos = parseReport(stdout).repos;
    assert.equal(repos.length, 5);
    assert.match(repos[0]?.error ?? '', /plain http is not encrypted.*--allow-http/);
    assert.match(repos[1]?.error ?? '', /file:\/\/ transport is not allowed/);
    assert.match(repos[2]?.error ?? '', /spaces or control characters|remote helpers/);
    assert.match(repos[3]?.error ?? '', /looks like a git option/);
    assert.equal(repos[4]?.error, null);
    // An option-looking argument never reaches git: commander refuses it as an unknown option.
    assert.equal((await unherd(['audit', '--upload-pack=id', local])).status, 2);
  });

  it('reads a CSV of applicants: carries columns, audits duplicates once, reports failures per row', async () => {
    const dir = tempDir('unherd-list-');
    const csv = join(dir, 'applicants.csv');
    writeFileSync(
      csv,
      [
        'Name,E-mail,Repository',
        `Ada,ada@example.com,${server.url}/bikes.git`,
        `Bob,bob@example.com,${server.url}/missing.git`,
        `"Lovelace, Ada",ada2@example.com,${server.url}/bikes`,
        'Cy,cy@example.com,not a url at all',
        'Di,di@example.com,',
      ].join('\r\n'),
    );
    const cache = tempDir('unherd-cache-');
    const { status, stdout } = await unherd([
      'audit',
      '--from',
      csv,
      '--allow-http',
      '--cache-dir',
      cache,
      '-f',
      'json',
      '-q',
    ]);
    assert.equal(status, 0);
    const repos = parseReport(stdout).repos;
    assert.equal(repos.length, 5);
    assert.deepEqual(repos[0]?.input?.columns, { Name: 'Ada', 'E-mail': 'ada@example.com' });
    assert.equal(repos[0]?.error, null);
    assert.match(repos[1]?.error ?? '', /could not clone .*no repository at this address/);
    assert.equal(repos[2]?.input?.columns?.Name, 'Lovelace, Ada');
    assert.equal(repos[2]?.input?.duplicateOf, `${server.url}/bikes.git`);
    assert.equal(repos[2]?.score, repos[0]?.score);
    assert.match(repos[3]?.error ?? '', /No such folder/);
    assert.match(repos[4]?.error ?? '', /no repository URL/);
  });

  it('reads a plain list and says when a CSV has no URL column', async () => {
    const dir = tempDir('unherd-list-');
    const txt = join(dir, 'urls.txt');
    writeFileSync(txt, `# applicants, week 3\n${server.url}/energy.git\n\n`);
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'name,email\nAda,ada@example.com\nBob,bob@example.com\n');
    const { stdout } = await unherd([
      'audit',
      '--from',
      txt,
      '--from',
      csv,
      '--allow-http',
      '--cache-dir',
      tempDir('unherd-cache-'),
      '-f',
      'json',
      '-q',
    ]);
    const repos = parseReport(stdout).repos;
    assert.equal(repos.length, 2);
    assert.equal(repos[0]?.name, 'energy');
    assert.equal(repos[0]?.error, null);
    assert.match(repos[1]?.error ?? '', /people\.csv has no column of repository URLs/);
  });

  it("audits a GitHub user's public repositories that are not forks, across pages", async () => {
    const { status, stdout } = await unherd(
      [
        'audit',
        '--user',
        'octo',
        '--github-api',
        api.url,
        '--allow-http',
        '--cache-dir',
        tempDir('unherd-cache-'),
        '-f',
        'json',
        '-q',
      ],
      { GITHUB_TOKEN: 'test-token' },
    );
    assert.equal(status, 0);
    const repos = parseReport(stdout).repos;
    assert.deepEqual(
      repos.map((r) => [r.name, r.error]),
      [
        ['bikes', null],
        ['energy', null],
      ],
    );
    assert.ok(api.authorizations.includes('Bearer test-token'));
  });

  it('turns an exhausted rate limit into an error entry with the reset time, never a partial list', async () => {
    const limited = await startFakeGithub({
      perPage: 1,
      requestsBeforeLimit: 1,
      users: {
        octo: [
          { name: 'bikes', cloneUrl: `${server.url}/bikes.git` },
          { name: 'energy', cloneUrl: `${server.url}/energy.git` },
        ],
      },
    });
    try {
      const local = repo(project('Local work'), { commits: spreadCommits('2024-01-01', 20, 3) });
      const { status, stdout } = await unherd([
        'audit',
        local,
        '--user',
        'octo',
        '--github-api',
        limited.url,
        '--allow-http',
        '-f',
        'json',
        '-q',
      ]);
      assert.equal(status, 0);
      const repos = parseReport(stdout).repos;
      assert.equal(repos.length, 2);
      assert.equal(repos[0]?.error, null);
      assert.equal(repos[1]?.path, '--user octo');
      assert.match(repos[1]?.error ?? '', /rate limit reached.*resets at .*run the same command again/);
    } finally {
      await limited.close();
    }
  });

  it('is a usage error to name nothing at all', async () => {
    const { status, stderr } = await unherd(['audit']);
    assert.equal(status, 2);
    assert.match(stderr, /nothing to audit/);
  });
});

describe('parseTargetList', () => {
  it('finds the URL column by content when there is no header, with semicolons', () => {
    const targets = parseTargetList(
      'Ada;github.com/ada/bikes;week 3\nBob;https://gitlab.com/bob/energy;week 4\n',
      'list.csv',
      false,
    );
    assert.deepEqual(
      targets.map((t) => [t.path, t.remote?.cloneUrl, t.columns]),
      [
        ['github.com/ada/bikes', 'https://github.com/ada/bikes', { column1: 'Ada', column3: 'week 3' }],
        [
          'https://gitlab.com/bob/energy',
          'https://gitlab.com/bob/energy',
          { column1: 'Bob', column3: 'week 4' },
        ],
      ],
    );
  });

  it('prefers a column named like a URL column, and reports one that is missing', () => {
    const named = parseTargetList('name,Repo URL\nAda,./projects/bikes\n', 'a.csv', false);
    assert.equal(named[0]?.path, './projects/bikes');
    assert.equal(named[0]?.remote, undefined);
    const none = parseTargetList('name,score\nAda,3\n', 'b.csv', false);
    assert.match(none[0]?.error ?? '', /no column of repository URLs/);
  });

  it("keeps a malformed URL as that row's error", () => {
    const [row] = parseTargetList('https://github.com/ada/../etc\n', 'urls.txt', false);
    assert.match(row?.error ?? '', /`\.` or `\.\.`/);
  });
});
