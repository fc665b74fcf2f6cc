import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DAT103-large-data-committed.js';
import { dataFile, dataOf, MB, treeOf } from './fixtures.js';

describe('DAT103 large-data-committed', () => {
  it('fails for a 120 MB CSV committed to git', () => {
    const big = dataFile('data/all.csv', 120 * MB);
    const result = checkFacts(check, {
      data: dataOf({ files: [big] }),
      tree: treeOf([{ path: 'data/all.csv', size: big.size }]),
    });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /120 MB/);
  });

  it('passes for LFS pointers, small files and untracked files', () => {
    const files = [
      dataFile('data/lfs.csv', 130, { pointer: 'git-lfs' }),
      dataFile('data/small.csv', 2 * MB),
      dataFile('data/local.csv', 900 * MB),
    ];
    const result = checkFacts(check, {
      data: dataOf({ files }),
      tree: treeOf([
        { path: 'data/lfs.csv' },
        { path: 'data/small.csv' },
        { path: 'data/local.csv', tracked: false },
      ]),
    });
    assert.equal(result.outcome, 'pass');
  });

  it('honours a lower threshold from the options', () => {
    const file = dataFile('data/mid.csv', 20 * MB);
    const facts = { data: dataOf({ files: [file] }), tree: treeOf([{ path: 'data/mid.csv' }]) };
    assert.equal(checkFacts(check, facts, { maxBytes: 10 * MB }).outcome, 'fail');
  });
});
