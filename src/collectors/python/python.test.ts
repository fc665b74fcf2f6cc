import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectOne } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { localModules } from './local-modules.js';
import { blankIpython } from './magics.js';

const MODULE = `"""Train the model."""
import os, numpy as np
from . import helpers
from ..pkg.mod import thing as other
from sklearn.model_selection import train_test_split, KFold
from utils import *
import pandas as pd

API_KEY = "not-a-docstring"


def load(path):
    """Load the data."""
    # read it
    return pd.read_csv("data/train.csv", sep=";", index_col=0)


class Model:
    def fit(self):
        return np.zeros(3)


if __name__ == "__main__":
    load(os.path.join("data", "x.csv"))
`;

describe('python collector', () => {
  it('extracts imports, calls, strings, defs, main guard and line counts from a module', async () => {
    const dir = repo({ 'src/train.py': MODULE, 'src/utils.py': 'def f():\n    return 1\n' }, { git: false });
    const py = await collectOne(dir, 'python');
    const imports = py.imports.filter((i) => i.file === 'src/train.py');
    assert.deepEqual(
      imports.map((i) => [i.module, i.top, i.relative, i.line]),
      [
        ['os', 'os', false, 2],
        ['numpy', 'numpy', false, 2],
        ['.', '', true, 3],
        ['..pkg.mod', '', true, 4],
        ['sklearn.model_selection', 'sklearn', false, 5],
        ['utils', 'utils', false, 6],
        ['pandas', 'pandas', false, 7],
      ],
    );
    assert.deepEqual(imports[4]!.names, ['train_test_split', 'KFold']);
    assert.deepEqual(imports[5]!.names, ['*']);
    const readCsv = py.calls.find((c) => c.callee === 'pd.read_csv')!;
    assert.equal(readCsv.line, 15);
    assert.deepEqual(readCsv.stringArgs, ['data/train.csv']);
    assert.deepEqual(readCsv.stringKwargs, { sep: ';' });
    assert.ok(py.calls.some((c) => c.callee === 'os.path.join' && c.stringArgs.join() === 'data,x.csv'));
    const values = py.strings.map((s) => s.value);
    assert.ok(values.includes('not-a-docstring'));
    assert.ok(!values.includes('Train the model.'), 'module docstring excluded');
    assert.ok(!values.includes('Load the data.'), 'function docstring excluded');
    assert.equal(py.strings.find((s) => s.value === 'not-a-docstring')!.boundTo, 'API_KEY');
    assert.deepEqual(
      py.defs.filter((d) => d.file === 'src/train.py').map((d) => [d.name, d.kind, d.hasDocstring]),
      [
        ['load', 'function', true],
        ['Model', 'class', false],
        ['fit', 'function', false],
      ],
    );
    const file = py.files.find((f) => f.path === 'src/train.py')!;
    assert.equal(file.hasMainGuard, true);
    assert.equal(file.commentLines, 1);
    assert.deepEqual(file.syntaxErrors, []);
    assert.equal(file.generated, false);
    assert.deepEqual(py.localModules, ['train', 'utils']);
  });

  it('reports syntax errors with their line', async () => {
    const dir = repo({ 'bad.py': 'import os\n\ndef broken(:\n    pass\n' }, { git: false });
    const py = await collectOne(dir, 'python');
    assert.deepEqual(py.files[0]!.syntaxErrors, [{ line: 3 }]);
    assert.deepEqual(
      py.imports.map((i) => i.module),
      ['os'],
    );
  });

  it('parses notebook cells with magics blanked and line numbers kept', async () => {
    const dir = repo(
      {
        'eda.ipynb': notebook([
          md('# EDA'),
          code('%matplotlib inline\n!pip install seaborn\nimport seaborn as sns\ndf.head?', { exec: 1 }),
          code('%%bash\nls -la | wc -l', { exec: 2 }),
          code('%%time\nfiles = !ls\nfor f in files:\n    !echo $f\nx = sns.load_dataset("titanic")', {
            exec: 3,
          }),
          code('def f(:\n  pass', { exec: 4 }),
        ]),
        'r.ipynb': notebook([code('library(dplyr)\nx <- 1', { exec: 1 })], 'R'),
      },
      { git: false },
    );
    const py = await collectOne(dir, 'python');
    assert.deepEqual(
      py.imports.map((i) => [i.module, i.cell, i.line]),
      [['seaborn', 1, 3]],
    );
    const load = py.calls.find((c) => c.callee === 'sns.load_dataset')!;
    assert.deepEqual([load.cell, load.line, load.stringArgs], [3, 5, ['titanic']]);
    const nb = py.files.find((f) => f.path === 'eda.ipynb')!;
    assert.equal(nb.origin, 'notebook');
    assert.deepEqual(nb.syntaxErrors, [{ line: 1, cell: 4 }]);
    assert.equal(
      py.files.find((f) => f.path === 'r.ipynb'),
      undefined,
      'R notebooks are not parsed as Python',
    );
  });

  it('skips binary .py files, decodes UTF-16 and CRLF, and flags generated exports', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('import json\r\nx = 1\r\n', 'utf16le'),
    ]);
    const dir = repo(
      {
        'blob.py': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0, 0, 3]),
        'wide.py': utf16,
        'crlf.py': 'import sys\r\n\r\ndef g(:\r\n    pass\r\n',
        'export.py':
          '#!/usr/bin/env python\n# coding: utf-8\n\n# In[1]:\n\n\nimport pandas\n\n\n# In[2]:\n\n\npandas.DataFrame()\n',
        'paired.py': '# ---\n# jupyter:\n#   jupytext:\n#     text_representation:\n# ---\nimport math\n',
      },
      { git: false },
    );
    const py = await collectOne(dir, 'python');
    const byPath = Object.fromEntries(py.files.map((f) => [f.path, f]));
    assert.match(byPath['blob.py']!.skipped!, /binary/);
    assert.equal(byPath['wide.py']!.encoding, 'utf-16le');
    assert.ok(py.imports.some((i) => i.file === 'wide.py' && i.module === 'json' && i.line === 1));
    assert.deepEqual(byPath['crlf.py']!.syntaxErrors, [{ line: 3 }]);
    assert.equal(byPath['export.py']!.generated, true);
    assert.equal(byPath['paired.py']!.generated, true);
    assert.equal(byPath['crlf.py']!.generated, false);
  });

  it('walks deeply nested code without blowing the stack', async () => {
    const deep = `x = ${'['.repeat(5000)}${']'.repeat(5000)}\nimport os\n`;
    const dir = repo({ 'deep.py': deep }, { git: false });
    const py = await collectOne(dir, 'python');
    assert.ok(py.imports.some((i) => i.module === 'os'));
  });
});

describe('blankIpython', () => {
  it('keeps the line count and turns IPython lines into no-ops', () => {
    const src = '%load_ext autoreload\nx = 1\n  !ls\ny = %who_ls\nobj?\n# why?';
    const out = blankIpython(src);
    assert.equal(out.split('\n').length, src.split('\n').length);
    assert.deepEqual(out.split('\n'), ['pass', 'x = 1', '  pass', 'y = None', 'pass', '# why?']);
  });
});

describe('localModules', () => {
  it('finds root modules, packages, src layouts and imported folders', () => {
    const paths = [
      'app.py',
      'mypkg/__init__.py',
      'src/core/model.py',
      'scripts/helpers.py',
      'notebooks/lib2/x.py',
    ];
    assert.deepEqual(localModules(paths, new Set(['helpers', 'lib2'])), [
      'app',
      'core',
      'helpers',
      'lib2',
      'mypkg',
    ]);
  });
});
