import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectOne } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { RepoFiles } from '../../source/repo-files.js';
import type { PyImport, PythonFacts } from '../python/types.js';
import manifests from './index.js';
import type { ManifestsFacts } from './types.js';

function pythonWith(imports: Partial<PyImport>[], localModules: string[] = []): PythonFacts {
  return {
    files: [],
    imports: imports.map((i) => ({
      file: 'src/a.py',
      module: i.top ?? '',
      top: i.top ?? '',
      relative: false,
      line: 1,
      ...i,
    })),
    calls: [],
    strings: [],
    defs: [],
    localModules,
  };
}

/** The real tree collector, then this collector with hand-written python facts. */
async function collectManifests(dir: string, python: PythonFacts = pythonWith([])): Promise<ManifestsFacts> {
  const tree = await collectOne(dir, 'tree');
  const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
  return manifests.collect({ files, git: null, limits: DEFAULT_LIMITS, facts: { tree, python } });
}

describe('manifests collector', () => {
  it('reads pinned requirements with includes, comments, markers, editables and URLs', async () => {
    const dir = repo(
      {
        'requirements.txt': [
          '# core',
          '-r requirements/base.txt',
          '-e .',
          'pandas==2.2.1  # data',
          'scikit-learn===1.4.0 ; python_version >= "3.9"',
          'torch @ https://download.pytorch.org/whl/torch-2.2.0-cp311-none-linux_x86_64.whl',
          '--index-url https://pypi.org/simple',
          'numpy==1.26.4 \\',
          '    --hash=sha256:abc',
        ].join('\r\n'),
        'requirements/base.txt': 'requests==2.31.0\n',
        'runtime.txt': 'python-3.11.4\n',
      },
      { git: false },
    );
    const m = await collectManifests(dir);
    assert.deepEqual(
      m.manifests.map((x) => [x.path, x.kind, x.error]),
      [
        ['requirements.txt', 'requirements', undefined],
        ['requirements/base.txt', 'requirements', undefined],
      ],
    );
    assert.deepEqual(m.declared, ['numpy', 'pandas', 'requests', 'scikit-learn', 'torch']);
    assert.equal(m.pinned, true);
    assert.deepEqual(m.unpinned, []);
    assert.equal(m.pythonVersion, '3.11.4');
    const pandas = m.manifests[0]?.dependencies.find((d) => d.name === 'pandas');
    assert.deepEqual(pandas, {
      name: 'pandas',
      spec: '==2.2.1',
      pinned: true,
      manifest: 'requirements.txt',
      line: 4,
    });
  });

  it('reports unpinned requirements and a missing include', async () => {
    const dir = repo(
      { 'requirements.txt': 'pandas\nnumpy>=1.20\nmatplotlib==3.*\n-r missing.txt\n' },
      { git: false },
    );
    const m = await collectManifests(dir);
    assert.equal(m.pinned, false);
    assert.deepEqual(
      m.unpinned.map((d) => [d.name, d.line]),
      [
        ['pandas', 1],
        ['numpy', 2],
        ['matplotlib', 3],
      ],
    );
    assert.match(m.manifests[0]?.error ?? '', /missing\.txt/);
    assert.equal(m.pythonVersion, null);
  });

  it('reads pyproject.toml: PEP 621, optional dependencies, Poetry and requires-python', async () => {
    const pyproject = [
      '[project]',
      'name = "bikes"',
      'requires-python = ">=3.10"',
      'dependencies = [',
      '  "pandas>=2",',
      '  "scikit-learn==1.4.0",',
      ']',
      '[project.optional-dependencies]',
      'dev = ["pytest"]',
      '[tool.poetry.dependencies]',
      'python = "^3.10"',
      'lightgbm = "4.3.0"',
      'shap = { version = "^0.44" }',
    ].join('\n');
    const m = await collectManifests(repo({ 'pyproject.toml': pyproject }, { git: false }));
    assert.deepEqual(
      m.manifests[0]?.dependencies.map((d) => [d.name, d.pinned, d.line]),
      [
        ['pandas', false, 5],
        ['scikit-learn', true, 6],
        ['pytest', false, 9],
        ['lightgbm', true, 12],
        ['shap', false, 13],
      ],
    );
    assert.equal(m.pythonVersion, '>=3.10');
    assert.equal(m.pinned, false);
  });

  it('reads environment.yml with conda pins, channels and a pip section; conda names satisfy imports', async () => {
    const env = [
      'name: bikes',
      'channels: [conda-forge]',
      'dependencies:',
      '  - python=3.11',
      '  - numpy=1.26.4',
      '  - pandas=2.2',
      '  - conda-forge::pytorch=2.2.0=py3.11_cuda',
      '  - pip',
      '  - pip:',
      '      - streamlit==1.32.0',
      '      - umap-learn',
    ].join('\n');
    const python = pythonWith([
      { top: 'torch', module: 'torch', line: 1 },
      { top: 'umap', module: 'umap', line: 2 },
      { top: 'sklearn', module: 'sklearn.linear_model', line: 3 },
    ]);
    const m = await collectManifests(repo({ 'environment.yml': env }, { git: false }), python);
    assert.equal(m.manifests[0]?.error, undefined);
    assert.deepEqual(
      m.manifests[0]?.dependencies.map((d) => [d.name, d.pinned, d.line]),
      [
        ['numpy', true, 5],
        ['pandas', false, 6],
        ['pytorch', true, 7],
        ['streamlit', true, 10],
        ['umap-learn', false, 11],
      ],
    );
    assert.equal(m.pythonVersion, '3.11');
    assert.deepEqual(
      m.undeclaredImports.map((u) => [u.module, u.package]),
      [['sklearn', 'scikit-learn']],
    );
  });

  it('reads setup.py as text and never runs it', async () => {
    const marker = join(tmpdir(), `unherd-setup-ran-${process.pid}-${Date.now()}`);
    const setup = [
      'from setuptools import setup',
      `open(${JSON.stringify(marker)}, 'w').write('ran')`,
      'setup(',
      '    name="bikes",',
      "    python_requires='>=3.9',",
      '    install_requires=[',
      "        'pandas>=2',  # tables",
      '        "requests==2.31.0",',
      '    ],',
      ')',
    ].join('\n');
    const m = await collectManifests(repo({ 'setup.py': setup }, { git: false }));
    assert.equal(existsSync(marker), false);
    assert.deepEqual(
      m.manifests[0]?.dependencies.map((d) => [d.name, d.spec, d.line]),
      [
        ['pandas', '>=2', 7],
        ['requests', '==2.31.0', 8],
      ],
    );
    assert.equal(m.pythonVersion, '>=3.9');
  });

  it('counts a lock file as pinned and reads setup.cfg and Pipfile', async () => {
    const dir = repo(
      {
        Pipfile: '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.10"\n',
        'Pipfile.lock': JSON.stringify({ default: { flask: { version: '==3.0.2' } }, develop: {} }),
        'setup.cfg': '[options]\ninstall_requires =\n    numpy\n    scipy>=1.10\n',
        'poetry.lock': '[[package]]\nname = "Flask"\nversion = "3.0.2"\n\n[metadata]\nlock-version = "2.0"\n',
      },
      { git: false },
    );
    const m = await collectManifests(dir);
    assert.equal(m.pinned, true);
    assert.deepEqual(m.unpinned, []);
    const byPath = Object.fromEntries(m.manifests.map((x) => [x.path, x.dependencies.map((d) => d.name)]));
    assert.deepEqual(byPath, {
      Pipfile: ['flask'],
      'Pipfile.lock': ['flask'],
      'poetry.lock': ['flask'],
      'setup.cfg': ['numpy', 'scipy'],
    });
    assert.equal(m.pythonVersion, '3.10');
  });

  it('records broken files as errors and goes on', async () => {
    const dir = repo(
      {
        'pyproject.toml': '[project\nname = ',
        'Pipfile.lock': '{ not json',
        'environment.yml': 'dependencies: [a, b\n',
        'requirements.txt': Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00]),
        'requirements-dev.txt': Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('pytest==8.0.0\n', 'utf16le'),
        ]),
      },
      { git: false },
    );
    const m = await collectManifests(dir);
    const errors = Object.fromEntries(m.manifests.map((x) => [x.path, x.error ?? null]));
    assert.match(errors['pyproject.toml'] ?? '', /invalid TOML/);
    assert.match(errors['Pipfile.lock'] ?? '', /invalid JSON/);
    assert.ok(errors['environment.yml']);
    assert.match(errors['requirements.txt'] ?? '', /not a text file/);
    assert.equal(errors['requirements-dev.txt'], null);
    assert.deepEqual(m.declared, ['pytest']);
  });

  it('finds undeclared imports, skipping stdlib, local, relative and declared ones', async () => {
    const python = pythonWith(
      [
        { top: 'os', module: 'os' },
        { top: '__future__', module: '__future__' },
        { top: 'bikes', module: 'bikes.features' },
        { top: '', module: '.utils', relative: true },
        { top: 'pandas', module: 'pandas' },
        { top: 'cv2', module: 'cv2', file: 'nb/eda.ipynb', cell: 3, line: 2 },
        { top: 'cv2', module: 'cv2', file: 'nb/eda.ipynb', cell: 5, line: 1 },
        { top: 'google', module: 'google.cloud.storage', file: 'src/load.py', line: 4 },
        { top: 'google', module: 'google.colab', file: 'nb/eda.ipynb', cell: 0, line: 1 },
        { top: 'yaml', module: 'yaml', file: 'src/cfg.py', line: 1 },
        { top: 'PIL', module: 'PIL.Image', file: 'src/cfg.py', line: 2 },
      ],
      ['bikes'],
    );
    const dir = repo({ 'requirements.txt': 'pandas==2.2.1\npillow==10.0.0\n' }, { git: false });
    const m = await collectManifests(dir, python);
    assert.deepEqual(m.undeclaredImports, [
      { module: 'cv2', package: 'opencv-python', file: 'nb/eda.ipynb', line: 2, cell: 3 },
      { module: 'yaml', package: 'PyYAML', file: 'src/cfg.py', line: 1 },
      { module: 'google.cloud.storage', package: 'google-cloud-storage', file: 'src/load.py', line: 4 },
    ]);
  });

  it('has nothing to say about a repository without manifests', async () => {
    const m = await collectManifests(repo({ 'main.py': 'import pandas\n' }, { git: false }));
    assert.deepEqual(m.manifests, []);
    assert.equal(m.pinned, null);
  });
});

describe('imports satisfied by what a declared package always installs', () => {
  it('does not flag pydantic next to fastapi, nor numpy next to pandas, but flags unrelated ones', async () => {
    const dir = repo({
      'requirements.txt': 'fastapi==0.110.0\npandas==2.2.1\n',
      'app.py': 'import numpy as np\nfrom pydantic import BaseModel\nimport torch\n',
    });
    const facts = await collectOne(dir, 'manifests');
    assert.deepEqual(
      facts.undeclaredImports.map((u) => u.module),
      ['torch'],
    );
  });
});
