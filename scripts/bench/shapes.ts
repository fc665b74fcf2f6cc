/**
 * Shapes real data-science repositories have and the generated corpus lacks, one repository each,
 * built from a fixed seed: thousands of small data files in one folder, notebooks with
 * multi-megabyte outputs, a long history, many notebooks. Each is measured on its own against
 * its own I/O baseline (scripts/bench.ts --shapes).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CSV_HEADER, csvRows, notebookJson, pythonModule, readme, requirements } from './content.js';
import { Random } from './random.js';

export interface Shape {
  name: string;
  what: string;
  dir: string;
}

function git(cwd: string, args: string[], input?: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git ${args[0]} exited ${code}`)),
    );
    if (input && child.stdin) {
      for (const chunk of input) child.stdin.write(chunk);
      child.stdin.end();
    }
  });
}

const ENV = 'Bench Candidate <bench@example.com>';

/** Writes the files, then commits them in `commits` dated commits (the last one adds whatever is left). */
async function build(
  dir: string,
  files: Record<string, string>,
  commits: number,
  rng: Random,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  await git(dir, ['init', '-q']);
  // A long history edits one notes file per commit through fast-import, then the files land at once.
  const stream: Buffer[] = [];
  const start = Date.parse('2023-01-02T09:00:00Z') / 1000;
  let notes = '# Notes\n';
  for (let c = 0; c < commits - 1; c++) {
    const when = start + c * 3600 * rng.int(1, 30);
    notes += `- step ${c}\n`;
    const message = `Step ${c}: ${rng.pick(['clean data', 'tune model', 'plot results', 'fix bug', 'update'])}`;
    stream.push(
      Buffer.from(`commit refs/heads/main\nauthor ${ENV} ${when} +0000\ncommitter ${ENV} ${when} +0000\n`),
      Buffer.from(`data ${Buffer.byteLength(message)}\n${message}\n`),
      Buffer.from(`M 100644 inline NOTES.md\ndata ${Buffer.byteLength(notes)}\n${notes}\n\n`),
    );
  }
  if (stream.length > 0) {
    await git(dir, ['fast-import', '--quiet'], stream);
    await git(dir, ['reset', '-q', 'main']);
    writeFileSync(join(dir, 'NOTES.md'), notes);
  }
  await git(dir, ['add', '-A']);
  await git(dir, [
    '-c',
    'user.name=Bench Candidate',
    '-c',
    'user.email=bench@example.com',
    'commit',
    '-q',
    '-m',
    'Add the project files',
  ]);
}

function base(rng: Random): Record<string, string> {
  return {
    'README.md': readme(rng, true),
    'requirements.txt': requirements(rng, true),
    'src/features.py': pythonModule(rng, 6),
  };
}

/** Builds every shape under `root`; returns them in a fixed order. */
export async function generateShapes(root: string, seed = 20240601): Promise<Shape[]> {
  const rng = new Random(seed);
  const shapes: Shape[] = [];

  const pages = base(rng);
  for (let i = 0; i < 7600; i++)
    pages[`data/pages/page-${String(i).padStart(5, '0')}.csv`] = CSV_HEADER + csvRows(rng, rng.int(5, 40));
  shapes.push({
    name: 'many-small-data-files',
    what: '7,600 small CSV files in one folder, one header',
    dir: join(root, 'many-small-data-files'),
  });
  await build(shapes.at(-1)!.dir, pages, 20, rng);

  const heavy = base(rng);
  for (let i = 0; i < 6; i++) heavy[`notebooks/analysis-${i}.ipynb`] = notebookJson(rng, 60, 200);
  // Multi-megabyte outputs: every figure up to 200 KB, 60 cells, and a long printed table.
  for (let i = 0; i < 6; i++) {
    const nb = JSON.parse(heavy[`notebooks/analysis-${i}.ipynb`]!) as {
      cells: { cell_type: string; outputs?: unknown[] }[];
    };
    const code = nb.cells.find((c) => c.cell_type === 'code');
    code?.outputs?.push({
      output_type: 'stream',
      name: 'stdout',
      text: Array.from({ length: 30000 }, (_, r) => `${r}\t${rng.int(0, 1e6)}\t${rng.int(0, 1e6)}\n`),
    });
    heavy[`notebooks/analysis-${i}.ipynb`] = JSON.stringify(nb);
  }
  shapes.push({
    name: 'huge-notebook-outputs',
    what: '6 notebooks with 2–5 MB of figures and printed tables each',
    dir: join(root, 'huge-notebook-outputs'),
  });
  await build(shapes.at(-1)!.dir, heavy, 12, rng);

  shapes.push({ name: 'long-history', what: '3,000 commits', dir: join(root, 'long-history') });
  await build(shapes.at(-1)!.dir, base(rng), 3000, rng);

  const many = base(rng);
  for (let i = 0; i < 300; i++)
    many[`notebooks/exercise-${String(i).padStart(3, '0')}.ipynb`] = notebookJson(rng, rng.int(5, 25), 20);
  shapes.push({
    name: 'many-notebooks',
    what: '300 notebooks of 5–25 cells',
    dir: join(root, 'many-notebooks'),
  });
  await build(shapes.at(-1)!.dir, many, 40, rng);
  return shapes;
}
