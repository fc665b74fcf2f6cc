import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectedDocs, renderCheckDoc, renderIndex, staleDocs, writeDocs } from '../../scripts/gen-docs.js';
import { defineCheck } from '../../src/checks/types.js';
import { tempDir } from '../helpers/repo.js';

const sample = defineCheck({
  code: 'ZZ901',
  name: 'sample-check-for-docs',
  title: 'A sample | with a pipe',
  principle: 'runnable',
  severity: 'medium',
  status: 'preview',
  needs: ['tree'],
  messages: { tooFew: 'Only {{count}} files' },
  options: { minFiles: 3 },
  advice: 'Add more files.',
  docs: { what: 'What text.', why: 'Why text.', fix: 'Fix text.', limitations: 'Limits text.' },
  run({ facts, options, fail }) {
    if (facts.tree.files.length < options.minFiles) fail('tooFew', { count: facts.tree.files.length });
  },
});

test('a check doc has every section, its option defaults and its messages', () => {
  const doc = renderCheckDoc(sample);
  for (const part of [
    '# ZZ901: A sample | with a pipe',
    '| name | `sample-check-for-docs` |',
    '| severity | medium |',
    '## What it finds\n\nWhat text.',
    '## Why a hiring manager cares\n\nWhy text.',
    '## How to fix\n\nFix text.',
    'Next step shown in reports: Add more files.',
    '## Limitations\n\nLimits text.',
    '| `minFiles` | `3` |',
    '- `tooFew`: Only {{count}} files',
  ]) {
    assert.ok(doc.includes(part), `missing ${JSON.stringify(part)}`);
  }
});

test('the index groups checks under their principle and escapes table cells', () => {
  const index = renderIndex([sample]);
  assert.ok(index.includes('## Runnable'));
  assert.ok(
    index.includes('| [ZZ901](ZZ901.md) | `sample-check-for-docs` | A sample \\| with a pipe | medium |'),
  );
  assert.ok(!index.includes('## Clean code'), 'principles without checks are left out');
});

test('stale docs are reported: missing, edited by hand, and orphaned', () => {
  const dir = tempDir();
  const expected = expectedDocs([sample]);
  assert.deepEqual(staleDocs(dir, expected), ['README.md: missing', 'ZZ901.md: missing']);
  writeDocs(dir, expected);
  assert.deepEqual(staleDocs(dir, expected), []);
  writeFileSync(join(dir, 'ZZ901.md'), 'edited by hand\n');
  writeFileSync(join(dir, 'OLD100.md'), 'left over\n');
  assert.deepEqual(staleDocs(dir, expected), [
    'OLD100.md: no registered check generates it',
    'ZZ901.md: out of date',
  ]);
  writeDocs(dir, expected);
  assert.deepEqual(staleDocs(dir, expected), []);
  assert.equal(readFileSync(join(dir, 'ZZ901.md'), 'utf8'), renderCheckDoc(sample));
});
