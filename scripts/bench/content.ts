/** File contents for the synthetic corpus: plausible shapes, made-up content, all from a seeded Random. */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Random } from './random.js';

const LIBS = ['pandas', 'numpy', 'sklearn', 'matplotlib', 'seaborn', 'requests', 'torch', 'scipy', 'bs4'];
const WORDS = ['price', 'sales', 'churn', 'sensor', 'rides', 'weather', 'energy', 'listings', 'reviews'];

export function pythonModule(rng: Random, functions: number, revision = 0): string {
  const imports = Array.from({ length: rng.int(2, 5) }, () => `import ${rng.pick(LIBS)}`);
  const body = Array.from({ length: functions }, (_, i) => {
    const word = rng.pick(WORDS);
    return `def ${word}_step_${i}(frame, factor=${rng.int(1, 9)}):\n    """Scales the ${word} column."""\n    out = frame.copy()\n    out["${word}"] = out["${word}"] * factor\n    return out\n`;
  });
  return `${[...new Set(imports)].join('\n')}\n\n# revision ${revision}\n\n${body.join('\n\n')}`;
}

/** A PNG-looking base64 payload of about `kb` kilobytes, like a matplotlib figure in an output. */
function figure(rng: Random, kb: number): string {
  const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([header, rng.bytes(kb * 768)]).toString('base64');
}

export function notebookJson(rng: Random, cells: number, imageKb: number): string {
  const out: unknown[] = [];
  let count = 0;
  for (let i = 0; i < cells; i++) {
    if (rng.chance(0.25)) {
      out.push({
        cell_type: 'markdown',
        metadata: {},
        source: [`## Step ${i}\n`, `Looking at ${rng.pick(WORDS)}.`],
      });
      continue;
    }
    count += rng.chance(0.1) ? 2 : 1;
    const outputs: unknown[] = [];
    if (imageKb > 0 && rng.chance(0.3)) {
      outputs.push({
        output_type: 'display_data',
        data: { 'image/png': figure(rng, rng.int(1, imageKb)), 'text/plain': ['<Figure size 640x480>'] },
        metadata: {},
      });
    } else if (rng.chance(0.5)) {
      outputs.push({
        output_type: 'stream',
        name: 'stdout',
        text: [`${rng.pick(WORDS)} ${rng.int(0, 999)}\n`],
      });
    }
    const lines = [
      i === 0 ? 'import pandas as pd\nimport matplotlib.pyplot as plt\n' : '',
      rng.chance(0.1) ? '%matplotlib inline\n' : '',
      `df_${i} = pd.read_csv("data/${rng.pick(WORDS)}.csv")\n`,
      `df_${i}.groupby("${rng.pick(WORDS)}").mean().plot()`,
    ].filter((l) => l !== '');
    out.push({ cell_type: 'code', execution_count: count, metadata: {}, outputs, source: lines });
  }
  return JSON.stringify({
    cells: out,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

export function readme(rng: Random, rich: boolean): string {
  const topic = rng.pick(WORDS);
  if (!rich) return `# ${topic} project\n\nSome analysis of ${topic}.\n`;
  return [
    `# Predicting ${topic}`,
    '',
    '## Problem',
    `Who needs ${topic} forecasts and why.`,
    '## Data',
    `Collected from an API every day; see data/README.md.`,
    '## Results',
    `| model | MAE |\n| --- | --- |\n| baseline | ${rng.int(10, 20)} |\n| model | ${rng.int(5, 9)} |`,
    '## Limitations',
    'One region, one season.',
    '## How to run',
    '```sh\npip install -r requirements.txt\nmake train\n```',
    '',
  ].join('\n');
}

export function requirements(rng: Random, pinned: boolean): string {
  const names = ['pandas', 'numpy', 'scikit-learn', 'matplotlib', 'requests', 'fastapi', 'pytest'];
  return `${names
    .filter(() => rng.chance(0.7))
    .map((n) => (pinned ? `${n}==${rng.int(1, 3)}.${rng.int(0, 20)}.${rng.int(0, 5)}` : n))
    .join('\n')}\n`;
}

export const CSV_HEADER = 'id,date,region,category,value,count\n';

export function csvRows(rng: Random, rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${i},2024-0${rng.int(1, 9)}-${String(rng.int(1, 28)).padStart(2, '0')},r${rng.int(1, 9)},${rng.pick(WORDS)},${(rng.next() * 1000).toFixed(2)},${rng.int(0, 99)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function parquet(rng: Random, rows: number): Uint8Array {
  const ids = Array.from({ length: rows }, (_, i) => i);
  const values = Array.from({ length: rows }, () => rng.next() * 100);
  const labels = Array.from({ length: rows }, () => rng.pick(WORDS));
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ids, type: 'INT32' },
        { name: 'value', data: values, type: 'DOUBLE' },
        { name: 'label', data: labels, type: 'STRING' },
      ],
    }),
  );
}

/** Inputs that must not crash an audit: broken JSON, Latin-1, CRLF, binary behind a source extension. */
export function awkwardFiles(rng: Random): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  if (rng.chance(0.5)) files['notebooks/broken.ipynb'] = '{"cells": [ {"cell_type": "code", "source": ';
  if (rng.chance(0.5))
    files['src/legacy_latin1.py'] = Buffer.from('# Auswertung der Messwerte für Köln\nx = 1\n', 'latin1');
  if (rng.chance(0.5)) files['scripts/windows_tool.py'] = 'import os\r\nprint(os.getcwd())\r\n';
  if (rng.chance(0.3)) files['src/compiled_blob.py'] = rng.bytes(4096);
  if (rng.chance(0.3)) files['notebooks/Copy of analysis (1).ipynb'] = notebookJson(rng, 4, 0);
  return files;
}
