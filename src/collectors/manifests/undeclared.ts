import type { PythonFacts } from '../python/types.js';
import { CONDA_TO_PYPI, ENVIRONMENT_PROVIDED, IMPORT_PACKAGES } from './import-map.js';
import { normaliseName } from './pep508.js';
import { STDLIB_MODULES } from './stdlib.js';
import type { UndeclaredImport } from './types.js';

/** Every name a declared package answers to: its own, and its PyPI name if it is a conda package. */
export function declaredNames(declared: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const name of declared) {
    const n = normaliseName(name);
    names.add(n);
    const pypi = CONDA_TO_PYPI[n];
    if (pypi) names.add(normaliseName(pypi));
  }
  return names;
}

/** The packages that can provide an import, longest dotted prefix first (`google.cloud.storage`). */
export function packagesFor(module: string, top: string): { key: string; packages: readonly string[] } {
  const parts = module.split('.');
  for (let n = parts.length; n > 1; n--) {
    const key = parts.slice(0, n).join('.');
    const hit = IMPORT_PACKAGES[key];
    if (hit) return { key, packages: hit };
  }
  return { key: top, packages: IMPORT_PACKAGES[top] ?? [top] };
}

/**
 * Packages that always come with a declared one (hard requirements of that package), so importing
 * them without declaring them works on any fresh install: `pydantic` with `fastapi`, `numpy` with
 * `pandas`. Listed from each package's own install requirements; only stable, long-standing ones.
 */
const INSTALLED_WITH: Record<string, readonly string[]> = {
  fastapi: ['pydantic', 'starlette', 'typing-extensions'],
  pandas: ['numpy', 'python-dateutil', 'pytz'],
  'scikit-learn': ['numpy', 'scipy', 'joblib', 'threadpoolctl'],
  scipy: ['numpy'],
  matplotlib: ['numpy', 'pillow', 'pyparsing', 'cycler', 'kiwisolver', 'python-dateutil', 'packaging'],
  seaborn: ['numpy', 'pandas', 'matplotlib'],
  statsmodels: ['numpy', 'scipy', 'pandas', 'patsy', 'packaging'],
  xgboost: ['numpy', 'scipy'],
  lightgbm: ['numpy', 'scipy'],
  catboost: ['numpy', 'pandas', 'scipy', 'matplotlib', 'plotly', 'graphviz', 'six'],
  flask: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'markupsafe'],
  dash: ['flask', 'plotly', 'werkzeug'],
  streamlit: ['pandas', 'numpy', 'altair', 'pillow', 'protobuf', 'requests', 'packaging', 'click', 'pyarrow'],
  gradio: ['numpy', 'pandas', 'pillow', 'pydantic', 'fastapi', 'httpx', 'huggingface-hub', 'jinja2'],
  requests: ['urllib3', 'idna', 'certifi', 'charset-normalizer'],
  httpx: ['httpcore', 'idna', 'certifi', 'anyio'],
  transformers: [
    'numpy',
    'huggingface-hub',
    'tokenizers',
    'safetensors',
    'requests',
    'tqdm',
    'pyyaml',
    'regex',
    'packaging',
    'filelock',
  ],
  datasets: ['numpy', 'pandas', 'pyarrow', 'requests', 'tqdm', 'huggingface-hub', 'fsspec', 'pyyaml', 'dill'],
  'sentence-transformers': [
    'transformers',
    'torch',
    'numpy',
    'scikit-learn',
    'scipy',
    'huggingface-hub',
    'tqdm',
  ],
  torch: ['numpy', 'typing-extensions', 'filelock', 'jinja2', 'networkx', 'sympy', 'fsspec'],
  torchvision: ['torch', 'numpy', 'pillow'],
  tensorflow: ['numpy', 'keras', 'h5py', 'protobuf', 'absl-py', 'tensorboard'],
  keras: ['numpy', 'h5py', 'absl-py'],
  nltk: ['click', 'joblib', 'regex', 'tqdm'],
  spacy: ['numpy', 'requests', 'tqdm', 'pydantic', 'jinja2', 'packaging'],
  gensim: ['numpy', 'scipy', 'smart-open'],
  scrapy: ['lxml', 'parsel', 'twisted', 'w3lib', 'cssselect'],
  beautifulsoup4: ['soupsieve'],
  selenium: ['urllib3', 'trio', 'certifi'],
  plotly: ['packaging'],
  altair: ['jinja2', 'jsonschema', 'narwhals', 'packaging'],
  jupyter: ['ipython', 'ipykernel', 'notebook', 'ipywidgets'],
  notebook: ['ipython', 'jinja2', 'tornado'],
  ipykernel: ['ipython', 'tornado'],
  uvicorn: ['click', 'h11'],
  mlflow: ['pandas', 'numpy', 'scikit-learn', 'flask', 'requests', 'pyyaml', 'sqlalchemy', 'click'],
  'pandas-datareader': ['pandas', 'requests', 'lxml'],
  yfinance: ['pandas', 'numpy', 'requests', 'lxml', 'beautifulsoup4'],
  openai: ['httpx', 'pydantic', 'tqdm', 'anyio'],
  langchain: ['pydantic', 'requests', 'pyyaml', 'sqlalchemy', 'numpy'],
  'opencv-python': ['numpy'],
  'scikit-image': ['numpy', 'scipy', 'pillow', 'imageio', 'networkx'],
  librosa: ['numpy', 'scipy', 'scikit-learn', 'joblib', 'soundfile', 'numba'],
  shap: ['numpy', 'scipy', 'scikit-learn', 'pandas', 'tqdm', 'numba'],
  pyspark: ['py4j'],
  sqlalchemy: ['typing-extensions', 'greenlet'],
  dvc: ['pyyaml', 'requests'],
  prefect: ['pydantic', 'httpx', 'pyyaml'],
};

/** Declared packages plus what they always install, a few levels deep. */
export function withInstalledRequirements(names: ReadonlySet<string>): Set<string> {
  const out = new Set(names);
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop()!;
    for (const dep of INSTALLED_WITH[name] ?? []) {
      const n = normaliseName(dep);
      if (!out.has(n)) {
        out.add(n);
        queue.push(n);
      }
    }
  }
  return out;
}

function environmentProvided(module: string): boolean {
  return ENVIRONMENT_PROVIDED.some((p) => module === p || module.startsWith(`${p}.`));
}

/**
 * Third-party imports no manifest declares: not standard library, not the repository's own
 * modules, not relative, and no declared package matches the import name or a package known to
 * provide it. One entry per package, at its first import (files in path order, then line).
 */
export function findUndeclared(python: PythonFacts, declared: Iterable<string>): UndeclaredImport[] {
  const names = withInstalledRequirements(declaredNames(declared));
  const local = new Set(python.localModules);
  const imports = [...python.imports].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line,
  );
  const byPackage = new Map<string, UndeclaredImport>();
  for (const imp of imports) {
    if (imp.relative || !imp.top) continue;
    if (STDLIB_MODULES.has(imp.top) || local.has(imp.top) || environmentProvided(imp.module)) continue;
    const { key, packages: candidates } = packagesFor(imp.module, imp.top);
    const satisfied =
      names.has(normaliseName(imp.top)) || candidates.some((p) => names.has(normaliseName(p)));
    if (satisfied) continue;
    const pkg = candidates[0] ?? imp.top;
    if (byPackage.has(pkg)) continue;
    const entry: UndeclaredImport = { module: key, package: pkg, file: imp.file, line: imp.line };
    if (imp.cell !== undefined) entry.cell = imp.cell;
    byPackage.set(pkg, entry);
  }
  return [...byPackage.values()];
}
