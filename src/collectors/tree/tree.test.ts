import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectOne } from '../../../test/helpers/facts.js';
import { repo, tempDir } from '../../../test/helpers/repo.js';

describe('tree collector', () => {
  it('lists tracked and untracked files but not ignored ones', async () => {
    const dir = repo(
      {
        '.gitignore': 'data/raw/\n',
        'src/a.py': 'x = 1\n',
        'data/raw/big.csv': 'a,b\n',
        'notes.md': '# n\n',
      },
      { commits: [{ date: '2024-01-01', message: 'Initial project layout', files: {} }] },
    );
    writeFileSync(join(dir, 'new.py'), 'print(1)\n');
    const tree = await collectOne(dir, 'tree');
    const paths = tree.files.map((f) => f.path);
    assert.deepEqual(paths, ['.gitignore', 'new.py', 'notes.md', 'src/a.py']);
    assert.equal(tree.files.find((f) => f.path === 'new.py')?.tracked, false);
    assert.equal(tree.files.find((f) => f.path === 'src/a.py')?.kind, 'python');
    assert.equal(tree.isGitRepo, true);
    assert.equal(tree.languageBytes.Python, 'x = 1\n'.length + 'print(1)\n'.length);
  });

  it('never follows symlinks, and says where they point', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    const dir = repo(
      {
        'ok.py': 'x = 1\n',
        'leak.txt': { symlink: join(outside, 'secret.txt') },
        'inner.py': { symlink: 'ok.py' },
        loop: { symlink: 'loop' },
        outdir: { symlink: outside },
      },
      { git: false },
    );
    const tree = await collectOne(dir, 'tree');
    assert.deepEqual(
      tree.files.map((f) => f.path),
      ['ok.py'],
    );
    const reasons = Object.fromEntries(tree.skipped.map((s) => [s.path, s.reason]));
    assert.equal(reasons['leak.txt'], 'symlink-outside');
    assert.equal(reasons['inner.py'], 'symlink');
    assert.equal(reasons.loop, 'symlink-loop');
    assert.equal(reasons.outdir, 'symlink-outside');
    assert.equal(tree.isGitRepo, false);
  });

  it('walks a plain folder, skipping virtualenvs and caches', async () => {
    const dir = repo(
      { 'a.py': '1\n', '.venv/lib/x.py': '1\n', '__pycache__/a.pyc': 'x', 'nb/one.ipynb': '{}' },
      { git: false },
    );
    const tree = await collectOne(dir, 'tree');
    assert.deepEqual(
      tree.files.map((f) => f.path),
      ['a.py', 'nb/one.ipynb'],
    );
  });

  it('handles names with spaces, newlines, unicode and leading dashes', async () => {
    const names = ['my notebook.ipynb', 'line\nbreak.py', 'données/été.csv', '-rf.py', '--help.md'];
    const dir = repo(Object.fromEntries(names.map((n) => [n, 'x\n'])), {
      commits: [{ date: '2024-01-01', message: 'Add files with odd names', files: {} }],
    });
    const tree = await collectOne(dir, 'tree');
    assert.deepEqual(tree.files.map((f) => f.path).sort(), [...names].sort());
  });

  it('caps the listing at the file limit and says so', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.py`] = '1\n';
    const dir = repo(files, { git: false });
    const { DEFAULT_LIMITS } = await import('../../limits.js');
    const { RepoFiles } = await import('../../source/repo-files.js');
    const { default: tree } = await import('./index.js');
    const limits = { ...DEFAULT_LIMITS, maxFiles: 10 };
    const fs = await RepoFiles.open(dir, limits);
    const facts = await tree.collect({ files: fs, git: null, limits, facts: {} });
    assert.equal(facts.files.length, 10);
    assert.equal(facts.truncated, true);
  });
});

describe('tree collector on sparse checkouts', () => {
  it('lists tracked files left out of the working tree as not checked out', async () => {
    const { git } = await import('../../../test/helpers/repo.js');
    const dir = repo(
      { 'a.py': 'x = 1\n', 'data/big.csv': 'a,b\n1,2\n' },
      { commits: [{ date: '2024-01-01', message: 'Add code and data', files: {} }] },
    );
    git(dir, ['update-index', '--skip-worktree', 'data/big.csv']);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'data/big.csv'));
    const tree = await collectOne(dir, 'tree');
    assert.deepEqual(
      tree.files.map((f) => f.path),
      ['a.py'],
    );
    assert.deepEqual(
      tree.skipped.map((s) => [s.path, s.reason]),
      [['data/big.csv', 'not-checked-out']],
    );
  });

  it('counts code, not prose or templates: R Markdown chunks, Vue scripts, C++ headers, no built docs', async () => {
    const rmd = `---\ntitle: Report\n---\n\n${'Some prose about the analysis.\n'.repeat(20)}\n\`\`\`{r setup}\nx <- 1\n\`\`\`\n\n\`\`\`{python}\nprint(1)\n\`\`\`\n`;
    const vue = `<template>\n${'  <div class="card">x</div>\n'.repeat(50)}</template>\n<script setup lang="ts">\nconst a = 1;\n</script>\n<style>.card{}</style>\n`;
    const dir = repo(
      {
        'report.Rmd': rmd,
        'src/App.vue': vue,
        'src/ord.cpp': 'int main() { return 0; }\n',
        'src/CLI11.h': '#pragma once\n'.repeat(100),
        'docs/_static/jquery-3.5.1.js': 'var jq = 1;\n'.repeat(100),
        'docs/searchindex.js': 'Search.setIndex({});\n'.repeat(50),
        'main.nf': 'workflow { MAIN() }\n',
      },
      { git: false },
    );
    const tree = await collectOne(dir, 'tree');
    assert.deepEqual(tree.languageBytes, {
      'C++': 'int main() { return 0; }\n'.length + '#pragma once\n'.length * 100,
      Nextflow: 'workflow { MAIN() }\n'.length,
      Python: 'print(1)\n'.length,
      R: 'x <- 1\n'.length,
      TypeScript: '\nconst a = 1;\n'.length,
    });
  });
});
