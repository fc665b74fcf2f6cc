import type { FileKind } from './types.js';

const KIND_BY_EXT: Record<string, FileKind> = {
  py: 'python',
  pyw: 'python',
  pyi: 'python',
  ipynb: 'notebook',
  md: 'markdown',
  markdown: 'markdown',
  rst: 'markdown',
  qmd: 'markdown',
  rmd: 'markdown',
  csv: 'data',
  tsv: 'data',
  parquet: 'data',
  pq: 'data',
  feather: 'data',
  arrow: 'data',
  xlsx: 'data',
  xls: 'data',
  xlsm: 'data',
  json: 'data',
  jsonl: 'data',
  ndjson: 'data',
  geojson: 'data',
  pkl: 'data',
  pickle: 'data',
  joblib: 'data',
  h5: 'data',
  hdf5: 'data',
  hdf: 'data',
  npy: 'data',
  npz: 'data',
  sqlite: 'data',
  sqlite3: 'data',
  db: 'data',
  dta: 'data',
  sav: 'data',
  sas7bdat: 'data',
  orc: 'data',
  avro: 'data',
  xml: 'data',
  zip: 'data',
  gz: 'data',
  bz2: 'data',
  xz: 'data',
  tar: 'data',
  '7z': 'data',
  rar: 'data',
  pt: 'data',
  pth: 'data',
  ckpt: 'data',
  onnx: 'data',
  safetensors: 'data',
  bin: 'data',
  wav: 'data',
  mp3: 'data',
  flac: 'data',
  mp4: 'data',
  avi: 'data',
  mat: 'data',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  svg: 'image',
  webp: 'image',
  bmp: 'image',
  tif: 'image',
  tiff: 'image',
  ico: 'image',
  yml: 'config',
  yaml: 'config',
  toml: 'config',
  cfg: 'config',
  ini: 'config',
  lock: 'config',
  txt: 'text',
  r: 'text',
  sql: 'text',
  sh: 'text',
  js: 'text',
  ts: 'text',
  html: 'text',
  css: 'text',
  exe: 'binary',
  dll: 'binary',
  so: 'binary',
  dylib: 'binary',
  pyc: 'binary',
  class: 'binary',
  jar: 'binary',
  whl: 'binary',
  pdf: 'binary',
  docx: 'binary',
  pptx: 'binary',
};

const LANGUAGE_BY_EXT: Record<string, string> = {
  py: 'Python',
  pyw: 'Python',
  pyi: 'Python',
  r: 'R',
  jl: 'Julia',
  sql: 'SQL',
  js: 'JavaScript',
  mjs: 'JavaScript',
  jsx: 'JavaScript',
  ts: 'TypeScript',
  tsx: 'TypeScript',
  sh: 'Shell',
  bash: 'Shell',
  html: 'HTML',
  css: 'CSS',
  scala: 'Scala',
  java: 'Java',
  kt: 'Kotlin',
  c: 'C',
  h: 'C',
  cpp: 'C++',
  cc: 'C++',
  hpp: 'C++',
  go: 'Go',
  rs: 'Rust',
  m: 'MATLAB',
  swift: 'Swift',
  rb: 'Ruby',
  php: 'PHP',
  qmd: 'Quarto',
  rmd: 'R Markdown',
  do: 'Stata',
  ado: 'Stata',
  f: 'Fortran',
  f90: 'Fortran',
  f95: 'Fortran',
  for: 'Fortran',
  nf: 'Nextflow',
  vue: 'Vue',
  svelte: 'Svelte',
  dockerfile: 'Dockerfile',
};

/** Lower-case extension without the dot; `Dockerfile` and `Makefile` have none. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function kindOf(path: string): FileKind {
  return KIND_BY_EXT[extensionOf(path)] ?? 'other';
}

/**
 * Generated or bundled files that are not the author's source: minified bundles, built sites and
 * rendered reports (`_site/`, `_freeze/`, `htmlcov/`, Sphinx `_build/`, its `_static/` assets and
 * `searchindex.js`), static vendor folders, versioned copies of jQuery, Underscore and the like.
 */
const GENERATED_SOURCE =
  /\.min\.(js|css)$|(^|\/)(_site|_freeze|site|htmlcov|_build|build|dist|public\/build|\.next|_static|libs?\/(jquery|bootstrap|d3|plotly)[^/]*|static\/(vendor|admin|rest_framework|libs?))\/|(^|\/)(jquery|bootstrap|plotly|d3|underscore|lodash)([.-][\w.-]*)?\.js$|(^|\/)searchindex\.js$|_files\/libs\//i;

/** Programming language of a source file, or null for data, prose, notebooks and generated files. */
export function languageOf(path: string): string | null {
  if (GENERATED_SOURCE.test(path)) return null;
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'dockerfile' || base.startsWith('dockerfile.')) return 'Dockerfile';
  if (base === 'makefile') return 'Makefile';
  return LANGUAGE_BY_EXT[extensionOf(path)] ?? null;
}

/**
 * Installed or generated code that is not the candidate's own work: committed virtualenvs,
 * site-packages, node_modules, byte-code caches, egg-info. Returns the folder that makes it so
 * (`all_scr/Lib/site-packages`), or null.
 */
const ENVIRONMENT_SEGMENT =
  /^(.*?(?:^|\/)(?:site-packages|dist-packages|node_modules|\.venv|venv|virtualenv|\.virtualenv|\.tox|\.nox|\.eggs|__pycache__|[^/]+\.egg-info|[^/]+\.dist-info|\.mypy_cache|\.pytest_cache|\.ruff_cache|\.ipython|\.local\/lib))\//;
/** A virtualenv not named venv: `<name>/lib/python3.x/` or Windows `<name>/Lib/site-packages` (caught above). */
const ENV_LIB = /^(.*?(?:^|\/)[^/]+\/lib\/python\d(?:\.\d+)?)\//i;
/** Third-party code copied in on purpose: not the candidate's work, but not a mistake either. */
const VENDOR_SEGMENT = /^(.*?(?:^|\/)(?:vendor|vendored|third_party|third-party|external\/lib))\//;

export interface VendoredMatch {
  root: string;
  kind: 'environment' | 'vendor';
}

export function vendoredRoot(path: string): VendoredMatch | null {
  const env = ENVIRONMENT_SEGMENT.exec(path) ?? ENV_LIB.exec(path);
  if (env) return { root: env[1]!, kind: 'environment' };
  const vendor = VENDOR_SEGMENT.exec(path);
  if (vendor) return { root: vendor[1]!, kind: 'vendor' };
  return null;
}
