import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test/helpers/repo.js';
import type { Evidence } from './checks/types.js';
import { ignoreRuleFor } from './config.js';
import { loadConfigFile, resolveConfig, toConfig } from './config-file.js';
import { UnherdError } from './errors.js';

function write(name: string, text: string): string {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof UnherdError, String(err));
    assert.equal(err.code, 'CONFIG');
    return err.message;
  }
  assert.fail('expected a config error');
}

describe('config file', () => {
  it('reads JSON: checks off, severities, options, ignores, catalogues relative to the file', () => {
    const file = write(
      'unherd.config.json',
      JSON.stringify({
        checks: {
          NB101: 'off',
          'short-project-span': { severity: 'low', options: { minSpanDays: 28 } },
          GIT101: 'on',
        },
        ignore: [{ check: 'dat103', path: 'data/', reason: 'The raw data is in Git LFS on purpose.' }],
        catalogues: ['extra/herd.yml'],
        failOn: 'high',
      }),
    );
    const { config, failOn } = loadConfigFile(file);
    assert.equal(config.checks.NB101, 'off');
    assert.deepEqual(config.checks.GIT102, { severity: 'low', options: { minSpanDays: 28 } });
    assert.equal(config.checks.GIT101, undefined, '"on" is the default');
    assert.deepEqual(config.ignore, [
      { check: 'DAT103', path: 'data/', reason: 'The raw data is in Git LFS on purpose.' },
    ]);
    assert.equal(config.catalogues[0], join(file, '..', 'extra/herd.yml'));
    assert.equal(failOn, 'high');
  });

  it('reads YAML and names the file, line and key of a mistake', () => {
    const good = write(
      '.unherdrc.yml',
      'checks:\n  NB101: off\nignore:\n  - check: GIT101\n    reason: imported from SVN\n',
    );
    assert.deepEqual(loadConfigFile(good).config.ignore, [{ check: 'GIT101', reason: 'imported from SVN' }]);

    const noReason = write('.unherdrc.yml', 'checks:\n  NB101: off\nignore:\n  - check: GIT101\n');
    assert.match(
      configError(() => loadConfigFile(noReason)),
      /\.unherdrc\.yml:4: ignore\.0\.reason: missing "reason"/,
    );

    const unknownCheck = write('.unherdrc.yml', 'checks:\n  NB101: off\n  NB999: off\n');
    assert.match(
      configError(() => loadConfigFile(unknownCheck)),
      /\.unherdrc\.yml:3: checks\.NB999: unknown check "NB999"/,
    );

    const typo = write('.unherdrc.yml', 'chekcs:\n  NB101: off\n');
    assert.match(
      configError(() => loadConfigFile(typo)),
      /\.unherdrc\.yml:1: chekcs: unknown key "chekcs"/,
    );

    const broken = write('.unherdrc.yml', 'checks: [\n');
    assert.match(
      configError(() => loadConfigFile(broken)),
      /not valid YAML/,
    );
  });

  it('rejects unknown keys, unknown options, wrong option types, empty reasons, bad JSON', () => {
    assert.match(
      configError(() => toConfig({ bogus: 1 }, 'u.json')),
      /^u\.json: bogus: unknown key "bogus"/,
    );
    assert.match(
      configError(() => toConfig({ checks: { GIT102: { options: { minDays: 3 } } } }, 'u.json')),
      /checks\.GIT102\.options\.minDays: GIT102 has no option "minDays" \(options: minSpanDays\)/,
    );
    assert.match(
      configError(() =>
        toConfig({ checks: { GIT102: { options: { minSpanDays: 'six weeks' } } } }, 'u.json'),
      ),
      /expected a number, got a string/,
    );
    assert.match(
      configError(() => toConfig({ ignore: [{ check: 'GIT101', reason: '  ' }] }, 'u.json')),
      /needs a reason/,
    );
    assert.match(
      configError(() => toConfig({ ignore: [{ check: 'XX1', reason: 'x' }] }, 'u.json')),
      /unknown check "XX1"/,
    );
    assert.match(
      configError(() => toConfig({ checks: { NB101: 'of' } }, 'u.json')),
      /expected "off", "on"/,
    );
    assert.match(
      configError(() => loadConfigFile(write('unherd.config.json', '{ "checks": '))),
      /not valid JSON/,
    );
    assert.match(
      configError(() => loadConfigFile(write('unherd.config.json', '[1]'))),
      /an object of settings/,
    );
  });

  it('is looked for in the working directory only; --config wins', () => {
    const dir = tempDir();
    assert.equal(resolveConfig(undefined, dir), null);
    writeFileSync(join(dir, 'unherd.config.json'), '{ "checks": { "NB101": "off" } }');
    assert.equal(resolveConfig(undefined, dir)?.config.checks.NB101, 'off');
    const other = write('mine.yml', 'checks:\n  NB102: off\n');
    assert.equal(resolveConfig(other, dir)?.config.checks.NB102, 'off');
    assert.match(
      configError(() => resolveConfig('nope.json', dir)),
      /config file not found/,
    );
  });
});

describe('ignoreRuleFor', () => {
  const finding = (file?: string) => ({
    check: 'DAT103',
    name: 'large-data-committed',
    evidence: (file === undefined ? [{ commit: 'abc' }] : [{ file }]) as Evidence[],
  });
  const rule = (path?: string) => [{ check: 'DAT103', reason: 'LFS', ...(path ? { path } : {}) }];

  it('matches by code or name, and by folder, exact path or glob', () => {
    assert.ok(ignoreRuleFor(finding('data/a.csv'), rule()));
    assert.ok(ignoreRuleFor(finding('data/a.csv'), [{ check: 'large-data-committed', reason: 'x' }]));
    assert.ok(ignoreRuleFor(finding('data/a.csv'), rule('data/')));
    assert.ok(ignoreRuleFor(finding('data/a.csv'), rule('data')));
    assert.ok(ignoreRuleFor(finding('data/raw/a.csv'), rule('data/**/*.csv')));
    assert.ok(ignoreRuleFor(finding('data/a.csv'), rule('data/**/*.csv')));
    assert.ok(ignoreRuleFor(finding('data/a.csv'), rule('*/a.csv')));
  });

  it('does not match another check, another folder, or evidence without a file when a path is given', () => {
    assert.equal(ignoreRuleFor(finding('data/a.csv'), [{ check: 'DAT101', reason: 'x' }]), undefined);
    assert.equal(ignoreRuleFor(finding('database/a.csv'), rule('data/')), undefined);
    assert.equal(ignoreRuleFor(finding('datax.csv'), rule('data')), undefined);
    assert.equal(ignoreRuleFor(finding(), rule('data/')), undefined);
    assert.equal(ignoreRuleFor(finding('data/raw/a.parquet'), rule('data/*.csv')), undefined);
  });
});
