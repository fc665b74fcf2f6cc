import { posix } from 'node:path';
import type { PyCall } from '../python/types.js';
import type { DataReference } from './types.js';

/** Reader methods recognised whatever their qualifier (pandas, polars, dask, spark.read …). */
const READER_METHODS = new Set([
  'read_csv',
  'read_parquet',
  'read_excel',
  'read_json',
  'read_table',
  'read_pickle',
  'read_feather',
  'read_hdf',
  'read_stata',
  'read_sas',
  'read_spss',
  'read_orc',
  'read_xml',
  'read_fwf',
  'read_sql',
  'read_ndjson',
  'read_file',
  'scan_csv',
  'scan_parquet',
  'ExcelFile',
]);

/** Fully named reading calls whose first string argument is a path. */
const READER_CALLS = new Set([
  'open',
  'io.open',
  'codecs.open',
  'gzip.open',
  'bz2.open',
  'lzma.open',
  'tarfile.open',
  'zipfile.ZipFile',
  'ZipFile',
  'Image.open',
  'PIL.Image.open',
  'np.load',
  'numpy.load',
  'np.loadtxt',
  'numpy.loadtxt',
  'np.genfromtxt',
  'numpy.genfromtxt',
  'np.fromfile',
  'joblib.load',
  'torch.load',
  'librosa.load',
  'sf.read',
  'soundfile.read',
  'cv2.imread',
  'plt.imread',
  'mpimg.imread',
  'imageio.imread',
  'iio.imread',
  'skimage.io.imread',
  'io.imread',
  'loadmat',
  'scipy.io.loadmat',
  'sio.loadmat',
  'h5py.File',
  'xr.open_dataset',
  'xarray.open_dataset',
  'load_model',
  'keras.models.load_model',
  'tf.keras.models.load_model',
  'sqlite3.connect',
  'json.load',
]);

const PATH_KWARGS = [
  'filepath_or_buffer',
  'path',
  'path_or_buf',
  'io',
  'fname',
  'file',
  'filename',
  'filepath',
];

/** Calls that write a file: what they write is produced by the code, so it is not missing data. */
const WRITER_METHODS = new Set([
  'to_csv',
  'to_parquet',
  'to_excel',
  'to_json',
  'to_pickle',
  'to_feather',
  'to_hdf',
  'write_csv',
  'write_parquet',
  'save',
  'savez',
  'savez_compressed',
  'savetxt',
  'dump',
  'savefig',
  'save_model',
  'imwrite',
  'urlretrieve',
  'download',
  'write',
]);

const URL = /^(https?|ftp|s3|gs|gcs|az|abfs|abfss|hf):\/\//i;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/** A string that plausibly names a file: has an extension or a folder separator, and no spaces-only prose. */
function looksLikePath(value: string): boolean {
  if (value.length === 0 || value.length > 400 || value.includes('\n')) return false;
  if (URL.test(value)) return true;
  if (/[{}]/.test(value)) return false; // format templates: the real path is built at run time
  return /[\\/]/.test(value) || /\.[A-Za-z0-9]{1,10}$/.test(value);
}

export function classifyTarget(target: string): Pick<DataReference, 'kind' | 'platform'> {
  if (URL.test(target)) return { kind: 'url' };
  if (target.startsWith('/kaggle/') || /^(\.\.\/)+input\//.test(target))
    return { kind: 'kaggle-input', platform: 'kaggle' };
  if (target.startsWith('/content/')) return { kind: 'absolute', platform: 'colab' };
  if (
    target.startsWith('/') ||
    target.startsWith('~') ||
    WINDOWS_DRIVE.test(target) ||
    target.startsWith('\\\\')
  )
    return { kind: 'absolute' };
  return { kind: 'relative' };
}

function writeMode(call: PyCall): boolean {
  const mode = call.stringKwargs.mode ?? call.stringArgs[1] ?? '';
  return /[wax]/.test(mode);
}

function calleeIsReader(callee: string): boolean {
  if (READER_CALLS.has(callee)) return true;
  const method = callee.slice(callee.lastIndexOf('.') + 1);
  return READER_METHODS.has(method) && callee !== method ? true : READER_METHODS.has(callee);
}

function pathArgument(call: PyCall): string | undefined {
  const first = call.stringArgs[0];
  if (first !== undefined) return first;
  for (const key of PATH_KWARGS) {
    const value = call.stringKwargs[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Normalised repository paths a relative reference may mean: from the file's folder, and from the root. */
export function candidatePaths(target: string, fromFile: string): string[] {
  const cleaned = target.replace(/\\/g, '/').replace(/\/+$/, '');
  const folder = posix.dirname(fromFile);
  const out = new Set<string>();
  for (const base of [folder, '.']) {
    const joined = posix.normalize(posix.join(base, cleaned));
    if (!joined.startsWith('../') && joined !== '..') out.add(joined === '.' ? '' : joined);
  }
  return [...out];
}

export interface RepoPaths {
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
}

export function repoPaths(paths: readonly string[]): RepoPaths {
  const files = new Set(paths);
  const folders = new Set<string>();
  for (const p of paths) {
    let slash = p.lastIndexOf('/');
    while (slash > 0) {
      const folder = p.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
      slash = folder.lastIndexOf('/');
    }
  }
  return { files, folders };
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000');
  const body = escaped
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${body}$`);
}

export function existsInRepo(target: string, fromFile: string, paths: RepoPaths): boolean {
  for (const candidate of candidatePaths(target, fromFile)) {
    if (candidate === '') return true;
    if (paths.files.has(candidate) || paths.folders.has(candidate)) return true;
    if (/[*?]/.test(candidate)) {
      const re = globToRegExp(candidate);
      for (const f of paths.files) if (re.test(f)) return true;
    }
  }
  return false;
}

/** Everything the code itself writes, as candidate repository paths. */
function writtenPaths(calls: readonly PyCall[]): Set<string> {
  const out = new Set<string>();
  for (const call of calls) {
    const method = call.callee.slice(call.callee.lastIndexOf('.') + 1);
    const isWriter = WRITER_METHODS.has(method) || (calleeIsReader(call.callee) && writeMode(call));
    if (!isWriter) continue;
    for (const value of [...call.stringArgs, ...Object.values(call.stringKwargs)]) {
      if (!looksLikePath(value) || URL.test(value)) continue;
      for (const p of candidatePaths(value, call.file)) out.add(p);
    }
  }
  return out;
}

/** Data references: reading calls with a string-literal path, classified and checked against the tree. */
export function findReferences(calls: readonly PyCall[], paths: RepoPaths): DataReference[] {
  const written = writtenPaths(calls);
  const refs: DataReference[] = [];
  for (const call of calls) {
    if (!calleeIsReader(call.callee)) continue;
    if (call.callee.endsWith('open') && writeMode(call)) continue;
    const target = pathArgument(call);
    if (target === undefined || !looksLikePath(target)) continue;
    if (call.callee.endsWith('read_sql') && !/\.(db|sqlite3?)$/i.test(target)) continue;
    const { kind, platform } = classifyTarget(target);
    let exists = false;
    if (kind === 'relative') {
      exists =
        existsInRepo(target, call.file, paths) ||
        candidatePaths(target, call.file).some((p) => written.has(p));
    }
    const ref: DataReference = { file: call.file, target, line: call.line, via: call.callee, kind, exists };
    if (call.cell !== undefined) ref.cell = call.cell;
    if (platform) ref.platform = platform;
    refs.push(ref);
  }
  return refs;
}
