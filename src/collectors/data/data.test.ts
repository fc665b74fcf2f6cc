import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { collect, collectOne } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { DEFAULT_LIMITS, type Limits } from '../../limits.js';
import { RepoFiles } from '../../source/repo-files.js';
import type { PyCall, PythonFacts } from '../python/types.js';
import type { TreeFacts } from '../tree/types.js';
import data from './index.js';

function call(file: string, callee: string, line: number, args: string[] = [], cell?: number): PyCall {
  const c: PyCall = { file, callee, line, stringArgs: args, stringKwargs: {} };
  if (cell !== undefined) c.cell = cell;
  return c;
}

function pythonWith(calls: PyCall[]): PythonFacts {
  return { files: [], imports: [], calls, strings: [], defs: [], localModules: [] };
}

/** Runs the real tree collector, then the data collector with the given Python facts. */
async function collectData(dir: string, calls: PyCall[] = [], limits: Limits = DEFAULT_LIMITS) {
  const files = await RepoFiles.open(dir, limits);
  const tree = (await collectOne(dir, 'tree')) as TreeFacts;
  const notebooks = await collectOne(dir, 'notebooks');
  const facts = await data.collect({
    files,
    git: null,
    limits,
    facts: { tree, notebooks, python: pythonWith(calls) },
  });
  return { facts, files };
}

describe('data collector', () => {
  it('sniffs CSV headers, delimiters, BOMs and CRLF', async () => {
    const dir = repo(
      {
        'data/a.csv': '\uFEFFid,name,"price, eur"\r\n1,x,"2,5"\r\n2,y,3\r\n',
        'data/b.csv': 'a;b;c\n1;2;3\n\n',
        'data/c.tsv': 'x\ty\n1\t2\n',
        'data/d.csv': 'p|q\n1|2\n',
      },
      { git: false },
    );
    const { facts } = await collectData(dir);
    const byPath = Object.fromEntries(facts.files.map((f) => [f.path, f]));
    assert.deepEqual(byPath['data/a.csv']?.columns, ['id', 'name', 'price, eur']);
    assert.equal(byPath['data/a.csv']?.rows, 2);
    assert.equal(byPath['data/b.csv']?.delimiter, ';');
    assert.equal(byPath['data/b.csv']?.rows, 1, 'unquoted rows are counted by lines');
    assert.equal(byPath['data/c.tsv']?.delimiter, '\t');
    assert.deepEqual(byPath['data/d.csv']?.columns, ['p', 'q']);
  });

  it('reads only the header of a 20 GB sparse CSV', async () => {
    const dir = repo({}, { git: false });
    const path = join(dir, 'huge.csv');
    writeFileSync(path, `${'col_a,col_b,col_c\n'}${'1,2,3\n'.repeat(20_000)}`);
    truncateSync(path, 20 * 1024 ** 3);
    const limits = { ...DEFAULT_LIMITS };
    const { facts, files } = await collectData(dir, [], limits);
    const file = facts.files.find((f) => f.path === 'huge.csv');
    assert.deepEqual(file?.columns, ['col_a', 'col_b', 'col_c']);
    assert.equal(file?.rows, null);
    assert.equal(file?.size, 20 * 1024 ** 3);
    const read = limits.maxRepoBytes - files.bytesLeft;
    assert.ok(read <= limits.sniffBytes + 512, `read ${read} bytes`);
  });

  it('reads Parquet schema and row count from the footer only', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'city', data: Array.from({ length: 5000 }, (_, i) => `c${i % 7}`) },
        { name: 'temp', data: Array.from({ length: 5000 }, (_, i) => i * 0.5) },
      ],
    });
    const dir = repo(
      { 'data/w.parquet': new Uint8Array(buffer), 'data/bad.parquet': 'PAR1 nonsense' },
      { git: false },
    );
    const limits = { ...DEFAULT_LIMITS, sniffBytes: 4096 };
    const { facts, files } = await collectData(dir, [], limits);
    const good = facts.files.find((f) => f.path === 'data/w.parquet');
    assert.deepEqual(good?.columns, ['city', 'temp']);
    assert.equal(good?.rows, 5000);
    assert.match(facts.files.find((f) => f.path === 'data/bad.parquet')?.error ?? '', /PAR1|Parquet/);
    assert.ok(limits.maxRepoBytes - files.bytesLeft < buffer.byteLength, 'did not read the whole file');
  });

  it('records binary, UTF-16 and mislabelled files without crashing', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]);
    const dir = repo(
      {
        'bin.csv': new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0, 7]),
        'wide.csv': utf16,
        'fake.xlsx': 'name,score\n',
        'broken.json': 'not json at all',
        'arr.npy': 'hello',
      },
      { git: false },
    );
    const { facts } = await collectData(dir);
    const byPath = Object.fromEntries(facts.files.map((f) => [f.path, f]));
    assert.match(byPath['bin.csv']?.error ?? '', /binary/);
    assert.deepEqual(byPath['wide.csv']?.columns, ['a', 'b']);
    assert.match(byPath['fake.xlsx']?.error ?? '', /zip/);
    assert.match(byPath['broken.json']?.error ?? '', /JSON/);
    assert.match(byPath['arr.npy']?.error ?? '', /NumPy/);
  });

  it('recognises Git LFS pointers and model weights', async () => {
    const lfs = 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123456789\n';
    const dir = repo(
      { 'data/big.csv': lfs, 'models/model.pkl': 'x', 'models/resnet.pt': 'x' },
      { git: false },
    );
    const { facts } = await collectData(dir);
    const byPath = Object.fromEntries(facts.files.map((f) => [f.path, f]));
    assert.equal(byPath['data/big.csv']?.pointer, 'git-lfs');
    assert.equal(byPath['data/big.csv']?.columns, undefined);
    assert.equal(byPath['models/model.pkl']?.format, 'model');
    assert.equal(byPath['models/resnet.pt']?.format, 'model');
  });

  it('classifies references and finds those missing from the repo', async () => {
    const dir = repo(
      { 'src/train.py': 'x\n', 'src/data/raw.csv': 'a\n1\n', 'nb/eda.ipynb': '{}' },
      { git: false },
    );
    const calls = [
      call('src/train.py', 'pd.read_csv', 3, ['data/raw.csv']),
      call('src/train.py', 'pd.read_csv', 4, ['./data/other.csv']),
      call('src/train.py', 'pd.read_parquet', 5, ['/Users/ada/Desktop/x.parquet']),
      call('nb/eda.ipynb', 'pd.read_csv', 1, ['/kaggle/input/titanic/train.csv'], 0),
      call('nb/eda.ipynb', 'pd.read_csv', 2, ['/content/drive/MyDrive/x.csv'], 1),
      call('nb/eda.ipynb', 'pd.read_csv', 1, ['https://example.org/d.csv'], 2),
      call('nb/eda.ipynb', 'open', 1, ['out/report.txt', 'w'], 3),
      call('nb/eda.ipynb', 'df.to_csv', 1, ['clean.csv'], 4),
      call('nb/eda.ipynb', 'pd.read_csv', 1, ['clean.csv'], 5),
      call('nb/eda.ipynb', 'print', 1, ['hello.csv'], 6),
    ];
    const { facts } = await collectData(dir, calls);
    const kinds = facts.references.map((r) => `${r.target}:${r.kind}:${r.exists}:${r.platform ?? ''}`);
    assert.deepEqual(kinds, [
      'data/raw.csv:relative:true:',
      './data/other.csv:relative:false:',
      '/Users/ada/Desktop/x.parquet:absolute:false:',
      '/kaggle/input/titanic/train.csv:kaggle-input:false:kaggle',
      '/content/drive/MyDrive/x.csv:absolute:false:colab',
      'https://example.org/d.csv:url:false:',
      'clean.csv:relative:true:',
    ]);
    assert.deepEqual(
      facts.missing.map((m) => m.target),
      ['./data/other.csv'],
    );
    assert.equal(facts.absolutePaths.length, 3);
  });

  it('finds download steps in code, Makefiles, DVC files and notebook shell lines', async () => {
    const nb = notebook([
      code('!kaggle datasets download -d someone/thing'),
      code("df = pd.read_csv('thing.csv')"),
    ]);
    const withNotebook = repo({ 'eda.ipynb': nb, 'src/train.py': 'x\n' }, { git: false });
    // The download in the notebook also provides the file the module reads.
    const fromNotebook = await collectData(withNotebook, [
      call('src/train.py', 'pd.read_csv', 1, ['../thing.csv']),
    ]);
    assert.deepEqual(fromNotebook.facts.downloadSteps, [
      { file: 'eda.ipynb', line: 1, cell: 0, what: 'kaggle download' },
    ]);
    assert.deepEqual(fromNotebook.facts.missing, []);

    const withMake = repo(
      { Makefile: 'data:\n\twget https://example.org/x.csv -O data/x.csv\n', 'data/x.csv.dvc': 'outs:\n' },
      { git: false },
    );
    const fromMake = await collectData(withMake, [call('a.py', 'urllib.request.urlretrieve', 2)]);
    assert.deepEqual(fromMake.facts.downloadSteps.map((s) => `${s.file}:${s.line}:${s.what}`).sort(), [
      'Makefile:2:wget/curl of a URL',
      'a.py:2:urlretrieve',
      'data/x.csv.dvc:1:DVC',
    ]);
  });

  it('runs end to end through the engine (or waits for the Python collector)', async () => {
    const dir = repo(
      {
        'train.py': "import pandas as pd\ndf = pd.read_csv('data/missing.csv')\n",
        'data/present.csv': 'a\n1\n',
      },
      { commits: [{ date: '2024-03-01', message: 'Add training script', files: {} }] },
    );
    const facts = await collect(dir);
    if (facts.python.status !== 'ok') {
      assert.equal(facts.data.status, 'unavailable');
      return;
    }
    assert.equal(facts.data.status, 'ok');
    if (facts.data.status !== 'ok') return;
    assert.deepEqual(
      facts.data.data.missing.map((m) => [m.file, m.line, m.target]),
      [['train.py', 2, 'data/missing.csv']],
    );
    assert.deepEqual(
      facts.data.data.files.map((f) => f.path),
      ['data/present.csv'],
    );
  });
});

describe('data collector: large folders of like files', () => {
  const page = (n: number, header = 'date,city,price') => `${header}\n2024-01-${(n % 28) + 1},Lyon,${n}\n`;

  it('reads a sample of a large folder with one header and says the rest were not read', async () => {
    const pages: Record<string, string> = { 'README.md': '# Scraped prices\n' };
    for (let n = 0; n < 300; n++) pages[`data/pages/page-${String(n).padStart(4, '0')}.csv`] = page(n);
    pages['data/summary.csv'] = 'city,mean\nLyon,3\n';
    const { facts } = await collectData(repo(pages, { git: false }));
    assert.equal(facts.files.length, 301);
    const pagesRead = facts.files.filter((f) => f.path.startsWith('data/pages/') && !f.notRead);
    assert.equal(pagesRead.length, 10);
    for (const f of pagesRead) assert.deepEqual(f.columns, ['date', 'city', 'price']);
    for (const f of facts.files.filter((f) => f.notRead)) {
      assert.equal(f.columns, undefined);
      assert.ok(f.size > 0, 'a file not read still has its size');
    }
    // A file outside the large folder is read as always.
    assert.deepEqual(facts.files.find((f) => f.path === 'data/summary.csv')?.columns, ['city', 'mean']);
    assert.deepEqual(facts.sampled, [
      {
        folder: 'data/pages',
        ext: 'csv',
        format: 'csv',
        files: 300,
        read: 10,
        columns: ['date', 'city', 'price'],
      },
    ]);
    // The first and last files of the listing are in the sample.
    assert.ok(pagesRead.some((f) => f.path.endsWith('page-0000.csv')));
    assert.ok(pagesRead.some((f) => f.path.endsWith('page-0299.csv')));
  });

  it('reads every file when the sample differs, and below the folder size', async () => {
    const mixed: Record<string, string> = {};
    for (let n = 0; n < 120; n++)
      mixed[`raw/p${String(n).padStart(3, '0')}.csv`] = page(
        n,
        n >= 60 ? 'date,city,price,currency' : undefined,
      );
    for (let n = 0; n < 49; n++) mixed[`small/s${n}.csv`] = page(n);
    const { facts } = await collectData(repo(mixed, { git: false }));
    assert.deepEqual(facts.sampled, []);
    assert.equal(facts.files.filter((f) => f.notRead).length, 0);
    assert.equal(facts.files.filter((f) => f.columns !== undefined).length, 169);
  });

  it('reads every file when a sampled one is unreadable', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 60; n++) files[`d/p${String(n).padStart(2, '0')}.csv`] = page(n);
    files['d/p00.csv'] = 'no-line-break-'.repeat(10);
    const { facts } = await collectData(repo(files, { git: false }));
    assert.deepEqual(facts.sampled, []);
    assert.equal(facts.files.filter((f) => f.notRead).length, 0);
  });
});
