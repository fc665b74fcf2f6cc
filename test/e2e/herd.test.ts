import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { type CliIo, runCli } from '../../src/cli/main.js';
import type { Report } from '../../src/engine/report.js';
import { code, md, notebook } from '../helpers/notebook.js';
import { repo, spreadCommits, tempDir } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true }).compile(schema);

/** Runs the CLI in this process with captured output. */
async function unherd(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stream = (write: (s: string) => void) => ({
    write: (s: string) => {
      write(s);
      return true;
    },
    isTTY: false,
    columns: 100,
  });
  const io = {
    stdout: stream((s) => {
      stdout += s;
    }),
    stderr: stream((s) => {
      stderr += s;
    }),
    env: { NO_COLOR: '1' },
  } as unknown as CliIo;
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

const CLEAN = `def clean(frame, limit=10):
    frame = frame.dropna(subset=["age"])
    for column in frame.columns:
        if frame[column].nunique() > limit:
            frame[column] = frame[column].astype("category")
    return frame`;
const SCORE = `def evaluate(model, rows, target="late"):
    features = rows.drop(columns=[target])
    scores = {}
    for name in ["accuracy", "f1"]:
        scores[name] = cross_val_score(model, features, rows[target], scoring=name, cv=5).mean()
    return scores`;
const PLOT = `fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for ax, column in zip(axes, ["delay", "distance"]):
    ax.hist(df[column].clip(upper=df[column].quantile(0.99)), bins=40)
    ax.set_title(column)
fig.tight_layout()`;
const OTHER = `class Scraper:
    def __init__(self, base, pause=1.0):
        self.base = base
        self.pause = pause
        self.seen = set()

    def pages(self, start):
        queue = [start]
        while queue:
            url = queue.pop()
            if url in self.seen:
                continue
            self.seen.add(url)
            yield url`;

function project(cells: string[], title: string): Record<string, string> {
  return {
    'README.md': `# ${title}\n`,
    'analysis.ipynb': notebook([md(`# ${title}`), ...cells.map((c, i) => code(c, { exec: i + 1 }))]),
  };
}

function cohort(): { root: string; original: string; copy: string; other: string } {
  const root = tempDir();
  const mk = (_name: string, files: Record<string, string>) =>
    repo(files, { commits: spreadCommits('2024-01-01', 10, 2) });
  return {
    root,
    original: mk('original', project([CLEAN, SCORE], 'Late trains')),
    copy: mk(
      'copy',
      project(
        [
          SCORE.replace(/rows/g, 'df').replace(/scores/g, 'out'),
          `# cleaning\n${CLEAN.replace(/frame/g, 'data')}`,
          PLOT,
        ],
        'Train delays',
      ),
    ),
    other: mk('other', { 'README.md': '# Crawler\n', 'crawl.py': OTHER }),
  };
}

describe('unherd herd', () => {
  it('copies: finds the near-copy in JSON with passages on both sides, paths as given', async () => {
    const c = cohort();
    const { status, stdout } = await unherd([
      'herd',
      'copies',
      c.original,
      c.copy,
      c.other,
      '--format',
      'json',
    ]);
    assert.equal(status, 0);
    const out = JSON.parse(stdout) as {
      pairs: {
        a: string;
        b: string;
        similarity: number;
        passages: { a: { file: string }; b: { file: string } }[];
      }[];
    };
    assert.equal(out.pairs.length, 1);
    assert.equal(out.pairs[0]!.a, c.original);
    assert.equal(out.pairs[0]!.b, c.copy);
    assert.ok(out.pairs[0]!.similarity >= 0.5 && out.pairs[0]!.similarity <= 1);
    assert.ok(out.pairs[0]!.passages.length >= 2);
  });

  it('copies: terminal and markdown name both repositories; a threshold of 1 hides the pair', async () => {
    const c = cohort();
    const term = await unherd(['herd', 'copies', c.original, c.copy]);
    assert.match(term.stdout, /1 near-copy among 2 repositories/);
    assert.match(term.stdout, /analysis\.ipynb cell \d+ lines? \d+/);
    const mdOut = await unherd([
      'herd',
      'copies',
      c.original,
      c.copy,
      '--format',
      'markdown',
      '--threshold',
      '1',
    ]);
    assert.match(mdOut.stdout, /^# Near-copies/);
    assert.match(mdOut.stdout, /0 near-copies/);
    const bad = await unherd(['herd', 'copies', c.original, '--threshold', '7']);
    assert.equal(bad.status, 2);
  });

  it('index then audit --against: the copy names the original as its nearest neighbour, JSON valid', async () => {
    const c = cohort();
    const db = join(tempDir(), 'index.db');
    const missing = join(c.root, 'missing');
    const built = await unherd(['herd', 'index', c.original, c.other, missing, '--out', db]);
    assert.equal(built.status, 0, built.stderr);
    assert.match(built.stdout, /Indexed 2 of 3 repositories/);
    assert.match(built.stderr, /not indexed: .*missing/);
    const { status, stdout } = await unherd([
      'audit',
      c.copy,
      '--format',
      'json',
      '--quiet',
      '--against',
      db,
    ]);
    assert.equal(status, 0);
    const report = JSON.parse(stdout) as Report;
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)));
    const neighbours = report.repos[0]!.neighbours!;
    assert.equal(neighbours.compared, 2);
    assert.equal(neighbours.nearest[0]?.path, c.original);
    assert.ok(neighbours.nearest[0]!.shared.passages.length > 0);
  });

  it('audit --against a missing or corrupt index exits 2 with a clear message', async () => {
    const c = cohort();
    const junk = join(tempDir(), 'junk.db');
    writeFileSync(junk, 'SQLite format 3\u0000 this is not really a database');
    const corrupt = await unherd(['audit', c.copy, '--quiet', '--against', junk]);
    assert.equal(corrupt.status, 2);
    assert.match(corrupt.stderr, /junk\.db/);
    const missing = await unherd(['audit', c.copy, '--quiet', '--against', join(c.root, 'none.db')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No similarity index at/);
  });
});
