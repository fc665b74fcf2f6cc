import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import { repo, spreadCommits } from '../../test/helpers/repo.js';
import { auditPaths } from '../engine/audit.js';
import { SCHEMA_VERSION } from '../engine/report.js';
import { PRINCIPLE_IDS } from '../principles.js';
import { renderJson } from './json.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

function assertValid(value: unknown): void {
  const ok = validate(value);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

describe('schema/report.schema.json', () => {
  it('accepts the sample report as the JSON reporter writes it', () => {
    assertValid(JSON.parse(renderJson(SAMPLE_REPORT)));
  });

  it('accepts real output for a repository, a plain folder and a missing path', async () => {
    const good = repo(
      { 'README.md': '# Bike demand\n\nPredicting bike demand.\n', 'nb.py': 'import pandas\n' },
      { commits: spreadCommits('2024-01-01', 40, 5) },
    );
    const plain = repo({ 'a.py': 'x = 1\n' }, { git: false });
    const report = await auditPaths([good, plain, `${good}/does-not-exist`], { jobs: 2 });
    assertValid(JSON.parse(renderJson(report)));
    assert.equal(report.repos[2]?.error !== null, true);
  });

  it('rejects a report with a field of the wrong type or an unknown principle', () => {
    const broken = JSON.parse(renderJson(SAMPLE_REPORT));
    broken.repos[0].score = 'high';
    assert.equal(validate(broken), false);
    const unknownPrinciple = JSON.parse(renderJson(SAMPLE_REPORT));
    unknownPrinciple.repos[0].findings[0].principle = 'vibes';
    assert.equal(validate(unknownPrinciple), false);
  });

  it('lists exactly the principle ids of src/principles.ts', () => {
    assert.deepEqual(schema.$defs.principleId.enum, PRINCIPLE_IDS);
  });

  it('describes the current major version', () => {
    assert.ok(new RegExp(schema.properties.schemaVersion.pattern).test(SCHEMA_VERSION));
  });
});
