import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo, collectOne } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';
import type { TreeFacts } from '../../collectors/tree/types.js';
import check from './INF110-committed-environment.js';

function tree(vendored: TreeFacts['vendored']): TreeFacts {
  return {
    root: '/r',
    isGitRepo: true,
    files: [],
    vendored,
    skipped: [],
    truncated: false,
    totalBytes: 0,
    languageBytes: {},
  };
}

describe('INF110 committed-environment', () => {
  it('fails on a committed virtualenv, pointing at its folder', () => {
    const r = checkFacts(check, {
      tree: tree([
        {
          root: 'env/Lib/site-packages',
          kind: 'environment',
          files: 1200,
          bytes: 50 * 1024 * 1024,
          tracked: true,
        },
      ]),
    });
    assert.equal(r.outcome, 'fail');
    assert.equal(
      r.findings[0]?.message,
      'env/Lib/site-packages is committed: 1200 files (50.0 MB) of installed packages or caches',
    );
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'env/Lib/site-packages' }]);
  });

  it('passes on vendored third-party code and on untracked environments', () => {
    const r = checkFacts(check, {
      tree: tree([
        { root: 'third_party', kind: 'vendor', files: 3, bytes: 100, tracked: true },
        { root: '.venv', kind: 'environment', files: 900, bytes: 1000, tracked: false },
      ]),
    });
    assert.equal(r.outcome, 'pass');
  });

  it('keeps a committed site-packages out of the analysis of a real repository', async () => {
    const dir = repo(
      {
        'scraper.py': 'import requests\n\ndef fetch(url):\n    return requests.get(url).text\n',
        'venv/Lib/site-packages/requests/__init__.py': 'def get(url):\n    pass\n',
        'venv/Lib/site-packages/numpy/core/tests/data/umath.csv': 'dtype,input,output\n',
        'src/__pycache__/x.cpython-311.pyc': 'binary',
      },
      { commits: [{ date: '2024-02-01', message: 'Add scraper with its environment', files: {} }] },
    );
    const facts = await collectOne(dir, 'tree');
    assert.deepEqual(
      facts.files.map((f) => f.path),
      ['scraper.py'],
    );
    assert.deepEqual(
      facts.vendored.map((v) => [v.root, v.files]),
      [
        ['src/__pycache__', 1],
        ['venv', 2],
      ],
    );
    const python = await collectOne(dir, 'python');
    assert.deepEqual(
      python.files.map((f) => f.path),
      ['scraper.py'],
    );
    assert.equal((await checkRepo(check, dir)).outcome, 'fail');
  });
});
