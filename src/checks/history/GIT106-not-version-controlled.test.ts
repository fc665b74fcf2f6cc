import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import type { TreeFacts } from '../../collectors/tree/types.js';
import check from './GIT106-not-version-controlled.js';

const tree = (isGitRepo: boolean): TreeFacts => ({
  root: '/home/ada/bikes',
  isGitRepo,
  files: [{ path: 'analysis.py', size: 120, kind: 'python', ext: 'py', tracked: isGitRepo }],
  vendored: [],
  skipped: [],
  truncated: false,
  totalBytes: 120,
  languageBytes: { Python: 120 },
});

describe('GIT106 not-version-controlled', () => {
  it('fails a plain folder', () => {
    const result = checkFacts(check, { tree: tree(false) });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.evidence[0]?.file, '.');
  });

  it('passes a git repository', () => {
    assert.equal(checkFacts(check, { tree: tree(true) }).outcome, 'pass');
  });
});
