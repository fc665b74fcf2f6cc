import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SAMPLE_REPORT, SINGLE_REPO_REPORT } from '../../test/fixtures/sample-report.js';
import { formatEvidence } from './evidence.js';
import { render, renderJson, renderMarkdown, renderTerminal } from './index.js';

const SNAPSHOTS = new URL('../../test/snapshots/', import.meta.url);

/** Compares with the committed output; `UPDATE_SNAPSHOTS=1` rewrites it instead. */
function matchesSnapshot(name: string, actual: string): void {
  const file = new URL(name, SNAPSHOTS);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  assert.equal(
    actual,
    expected,
    `${name} differs from the snapshot; run with UPDATE_SNAPSHOTS=1 if intended`,
  );
}

describe('reporters on the sample report', () => {
  it('terminal, several repositories, no colour', () => {
    const out = renderTerminal(SAMPLE_REPORT, { color: false, width: 100 });
    matchesSnapshot('terminal.txt', out);
    assert.doesNotMatch(out, /\u001b\[/);
    assert.match(out, /Overview/);
  });

  it('terminal, one repository', () => {
    const out = renderTerminal(SINGLE_REPO_REPORT, { color: false, width: 100 });
    matchesSnapshot('terminal-single.txt', out);
    assert.doesNotMatch(out, /Overview/);
  });

  it('terminal with colour uses ANSI codes and says the same words', () => {
    const coloured = renderTerminal(SAMPLE_REPORT, { color: true, width: 100 });
    assert.match(coloured, /\u001b\[/);
    const plain = renderTerminal(SAMPLE_REPORT, { color: false, width: 100 });
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), plain);
  });

  it('markdown', () => {
    matchesSnapshot('report.md', renderMarkdown(SAMPLE_REPORT));
  });

  it('json, keys sorted and 2-space indented', () => {
    const out = renderJson(SAMPLE_REPORT);
    matchesSnapshot('report.json', out);
    assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(SAMPLE_REPORT)));
    assert.match(out, /^\{\n {2}"repos": \[/);
  });

  it('json is byte-identical whatever order the keys were built in', () => {
    const shuffled = { tool: SAMPLE_REPORT.tool, repos: SAMPLE_REPORT.repos, schemaVersion: '1.0.0' };
    assert.equal(renderJson(shuffled), renderJson(SAMPLE_REPORT));
  });

  it('render picks the format', () => {
    assert.equal(render('markdown', SAMPLE_REPORT, { color: false }), renderMarkdown(SAMPLE_REPORT));
  });

  it('an empty report says so instead of printing nothing', () => {
    const empty = { ...SAMPLE_REPORT, repos: [] };
    assert.match(renderTerminal(empty, { color: false }), /No repositories/);
    assert.match(renderMarkdown(empty), /No repositories/);
  });
});

describe('formatEvidence', () => {
  it('formats file and line, notebook cell (1-based), commit and notes', () => {
    assert.equal(formatEvidence({ file: 'src/a.py', line: 3 }), 'src/a.py:3');
    assert.equal(formatEvidence({ file: 'src/a.py', line: 3, endLine: 7 }), 'src/a.py:3-7');
    assert.equal(formatEvidence({ file: 'eda.ipynb', cell: 2 }), 'eda.ipynb cell 3');
    assert.equal(formatEvidence({ file: 'eda.ipynb', cell: 0, line: 4 }), 'eda.ipynb cell 1 line 4');
    assert.equal(formatEvidence({ commit: '3f9a2c71d0be44e5' }), 'commit 3f9a2c7');
    assert.equal(
      formatEvidence({ file: 'requirements.txt', line: 1, note: 'torch' }),
      'requirements.txt:1 (torch)',
    );
    assert.equal(formatEvidence({ note: 'whole repository' }), 'whole repository');
  });
});

describe('terminal safety', () => {
  it('shows control sequences from a repository as text, never sends them to the terminal', () => {
    const hostile = {
      ...SAMPLE_REPORT,
      repos: SAMPLE_REPORT.repos.map((r) => ({ ...r, summary: 'clear\u001b[2J\u001b]0;pwned\u0007 screen' })),
    };
    const out = renderTerminal(hostile, { color: false });
    assert.ok(!out.includes('\u001b'), 'no ESC reaches the terminal');
    assert.ok(!out.includes('\u0007'));
    assert.match(out, /clear\\x1b\[2J\\x1b\]0;pwned\\x07 screen/);
  });
});

describe('neighbours from --against and the carried input row', () => {
  it('terminal names each neighbour with its similarity and the shared passages on both sides', () => {
    const out = renderTerminal(SINGLE_REPO_REPORT, { color: false, width: 100 });
    assert.match(out, /Nearest in the index/);
    assert.match(out, /Compared with 48 indexed repositories in cohort-2023\.db; herd-likeness 31%/);
    assert.match(out, /74% {2}velo-demand {2}cohort-2023\/velo-demand/);
    assert.match(out, /src\/clean\.py:12-31 ↔ prep\/cleaning\.py:4-22/);
    assert.match(out, /notebooks\/eda\.ipynb cell 5 lines 1-9 ↔ analysis\.ipynb cell 8 lines 2-10/);
    assert.match(out, /datasets: bike-sharing-uci/);
    const lines = out.split('\n');
    assert.match(
      lines[2]!,
      /^name: Ada Candidate · email: ada@example\.com · cohort: spring 2024 · url: https:/,
    );
  });

  it('markdown and terminal say when no neighbour is close, or why none could be computed', () => {
    const weather = SAMPLE_REPORT.repos[2]!;
    const failed = {
      ...SAMPLE_REPORT,
      repos: [{ ...weather, neighbours: { ...weather.neighbours!, error: 'the index is corrupt' } }],
    };
    assert.match(renderMarkdown(SAMPLE_REPORT), /No indexed repository is close enough to name\./);
    assert.match(renderMarkdown(failed), /Neighbours could not be computed: the index is corrupt/);
    assert.match(renderTerminal(failed, { color: false }), /Neighbours could not be computed/);
    assert.match(
      renderMarkdown(SAMPLE_REPORT),
      /\*\*duplicate of:\*\* https:\/\/github\.com\/grace-candidate\/weather/,
    );
  });

  it('a report without neighbours or input renders as before', () => {
    const plain = {
      ...SAMPLE_REPORT,
      repos: SAMPLE_REPORT.repos.map(({ neighbours: _n, input: _i, ...r }) => r),
    };
    assert.doesNotMatch(renderTerminal(plain, { color: false }), /Nearest in the index|name: Ada/);
    assert.doesNotMatch(renderMarkdown(plain), /Nearest in the index|\| email \|/);
  });
});
