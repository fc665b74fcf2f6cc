import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, collectOne } from '../../../test/helpers/facts.js';
import {
  code,
  errorOutput,
  imageOutput,
  md,
  notebook,
  streamOutput,
} from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { languageMix } from '../../engine/facts-summary.js';
import { parseNotebook } from './parse-notebook.js';

describe('notebooks collector', () => {
  it('reads cells, execution counts, outputs and the title of an nbformat 4 notebook', async () => {
    const dir = repo(
      {
        'nb/eda.ipynb': notebook([
          md('# Bike demand in Lyon\nSome words.'),
          code('import pandas as pd\ndf = pd.read_csv("x.csv")', { exec: 1, outputs: [imageOutput()] }),
          code('1/0', { exec: 2, outputs: [errorOutput('ZeroDivisionError', 'division by zero')] }),
          code('import warnings', { exec: 3, outputs: [streamOutput('careful', 'stderr')] }),
        ]),
      },
      { git: false },
    );
    const facts = await collectOne(dir, 'notebooks');
    const nb = facts.notebooks[0]!;
    assert.equal(nb.error, undefined);
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.language, 'python');
    assert.equal(nb.title, 'Bike demand in Lyon');
    assert.deepEqual(
      nb.cells.map((c) => [c.type, c.executionCount, c.lines]),
      [
        ['markdown', null, 2],
        ['code', 1, 2],
        ['code', 2, 1],
        ['code', 3, 1],
      ],
    );
    assert.equal(nb.cells[1]!.outputs.images, 1);
    assert.deepEqual(nb.cells[1]!.outputs.imageMimes, ['image/png']);
    assert.deepEqual(nb.cells[2]!.outputs.errors, [
      { ename: 'ZeroDivisionError', evalue: 'division by zero' },
    ]);
    assert.equal(nb.cells[3]!.outputs.stderr, 1);
    const codeSources = nb.cells.filter((c) => c.type === 'code').map((c) => c.source);
    assert.equal(nb.codeBytes, Buffer.byteLength(codeSources.join('')));
    const mix = languageMix(await collect(dir));
    assert.equal(mix.Python, nb.codeBytes, 'code cells, not outputs, count towards the language mix');
  });

  it('records broken JSON and non-notebooks as errors without cells', async () => {
    const dir = repo(
      {
        'broken.ipynb': '{"cells": [',
        'array.ipynb': '[1, 2]',
        'nocells.ipynb': '{"metadata": {}}',
        'binary.ipynb': new Uint8Array([0, 1, 2, 0, 0, 7, 8, 0]),
      },
      { git: false },
    );
    const facts = await collectOne(dir, 'notebooks');
    const byPath = Object.fromEntries(facts.notebooks.map((n) => [n.path, n]));
    assert.match(byPath['broken.ipynb']!.error!, /not valid JSON/);
    assert.match(byPath['array.ipynb']!.error!, /not a notebook/);
    assert.match(byPath['nocells.ipynb']!.error!, /no list of cells/);
    assert.match(byPath['binary.ipynb']!.error!, /binary/);
    for (const nb of facts.notebooks) assert.deepEqual(nb.cells, []);
  });

  it('reads nbformat 3 worksheets, input and prompt_number, pyerr and v3 images', () => {
    const v3 = JSON.stringify({
      nbformat: 3,
      metadata: { name: 'old' },
      worksheets: [
        {
          cells: [
            { cell_type: 'heading', level: 2, source: ['Old analysis'] },
            {
              cell_type: 'code',
              language: 'python',
              input: ['import numpy as np\n', 'np.zeros(3)'],
              prompt_number: 4,
              outputs: [
                { output_type: 'pyout', prompt_number: 4, text: ['array([0., 0., 0.])'] },
                { output_type: 'display_data', png: 'iVBOR' },
                { output_type: 'pyerr', ename: 'NameError', evalue: "name 'x' is not defined" },
                { output_type: 'stream', stream: 'stderr', text: 'warn' },
              ],
            },
          ],
        },
      ],
    });
    const nb = parseNotebook('old.ipynb', v3, v3.length);
    assert.equal(nb.nbformat, 3);
    assert.equal(nb.language, 'python');
    assert.equal(nb.cells[0]!.source, '## Old analysis');
    assert.equal(nb.cells[1]!.executionCount, 4);
    assert.equal(nb.cells[1]!.source, 'import numpy as np\nnp.zeros(3)');
    assert.equal(nb.cells[1]!.outputs.images, 1);
    assert.equal(nb.cells[1]!.outputs.errors[0]!.ename, 'NameError');
    assert.equal(nb.cells[1]!.outputs.stderr, 1);
  });

  it('survives fields of the wrong type', () => {
    const odd = JSON.stringify({
      nbformat: '4',
      metadata: { kernelspec: 'python' },
      cells: [
        { cell_type: 'code', source: 42, execution_count: '3', outputs: { not: 'a list' } },
        'not a cell',
        null,
        { cell_type: 'markdown', source: ['# ok', 7, null] },
        { cell_type: 'weird', source: 'x' },
        { cell_type: 'code', source: 'x = 1', outputs: [null, 5, { output_type: 'error', ename: 3 }] },
      ],
    });
    const nb = parseNotebook('odd.ipynb', odd, odd.length);
    assert.equal(nb.error, undefined);
    assert.equal(nb.cells.length, 6);
    assert.equal(nb.cells[0]!.source, '');
    assert.equal(nb.cells[0]!.executionCount, null);
    assert.equal(nb.cells[3]!.source, '# ok');
    assert.equal(nb.cells[4]!.type, 'raw');
    assert.deepEqual(nb.cells[5]!.outputs.errors, [{ ename: 'Error', evalue: '' }]);
    const cellsObject = JSON.stringify({ nbformat: 4, cells: { a: 1 } });
    assert.match(parseNotebook('o.ipynb', cellsObject, 10).error!, /no list of cells/);
  });

  it('does not blow the stack on deeply nested outputs', () => {
    const depth = 50_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const text = `{"nbformat":4,"metadata":{},"cells":[{"cell_type":"code","source":"x","outputs":[{"output_type":"display_data","data":{"text/plain":${nested}}}]}]}`;
    const nb = parseNotebook('deep.ipynb', text, text.length);
    if (nb.error === undefined) assert.ok(nb.cells[0]!.outputs.bytes > 0);
    else assert.match(nb.error, /JSON/);
  });

  it('counts a 20 MB output without storing it, and refuses notebooks above the byte limit', async () => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    const dir = repo(
      {
        'big.ipynb': notebook([code('print(s)', { exec: 1, outputs: [streamOutput(big)] })]),
      },
      { git: false },
    );
    const facts = await collectOne(dir, 'notebooks');
    const nb = facts.notebooks[0]!;
    assert.ok(nb.cells[0]!.outputs.bytes >= big.length);
    assert.equal(nb.cells[0]!.source, 'print(s)');

    const { DEFAULT_LIMITS } = await import('../../limits.js');
    const { RepoFiles } = await import('../../source/repo-files.js');
    const { default: collector } = await import('./index.js');
    const tree = await collectOne(dir, 'tree');
    const limits = { ...DEFAULT_LIMITS, maxNotebookBytes: 1024 * 1024 };
    const files = await RepoFiles.open(dir, limits);
    const small = await collector.collect({ files, git: null, limits, facts: { tree } });
    assert.match(small.notebooks[0]!.error!, /too large/);
    assert.equal(files.bytesLeft, limits.maxRepoBytes, 'nothing was read');
  });

  it('reads CRLF and UTF-8 BOM notebooks and caps huge cell sources', async () => {
    const text = notebook([md('# Title'), code('a = 1\nb = 2', { exec: 1 })]).replace(/\n/g, '\r\n');
    const long = notebook([code('x = 1\n'.repeat(30_000), { exec: 1 })]);
    const dir = repo({ 'crlf.ipynb': `\uFEFF${text}`, 'long.ipynb': long }, { git: false });
    const facts = await collectOne(dir, 'notebooks');
    const crlf = facts.notebooks.find((n) => n.path === 'crlf.ipynb')!;
    assert.equal(crlf.error, undefined);
    assert.equal(crlf.cells[1]!.source, 'a = 1\nb = 2');
    const capped = facts.notebooks.find((n) => n.path === 'long.ipynb')!;
    assert.equal(capped.cells[0]!.truncated, true);
    assert.equal(capped.cells[0]!.lines, 30_000);
    assert.ok(capped.cells[0]!.source.length <= 100_000);
  });
});
