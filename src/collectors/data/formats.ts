import type { TreeFile } from '../tree/types.js';
import type { DataFormat } from './types.js';

const FORMAT_BY_EXT: Record<string, DataFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  parquet: 'parquet',
  pq: 'parquet',
  xlsx: 'excel',
  xlsm: 'excel',
  xls: 'excel',
  ods: 'excel',
  json: 'json',
  geojson: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  pkl: 'pickle',
  pickle: 'pickle',
  joblib: 'pickle',
  feather: 'feather',
  arrow: 'feather',
  h5: 'hdf5',
  hdf5: 'hdf5',
  hdf: 'hdf5',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  db: 'sqlite',
  npy: 'npy',
  npz: 'npy',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
  bmp: 'image',
  webp: 'image',
  gif: 'image',
  wav: 'audio',
  mp3: 'audio',
  flac: 'audio',
  ogg: 'audio',
  zip: 'archive',
  gz: 'archive',
  bz2: 'archive',
  xz: 'archive',
  tar: 'archive',
  tgz: 'archive',
  '7z': 'archive',
  rar: 'archive',
  pt: 'model',
  pth: 'model',
  ckpt: 'model',
  onnx: 'model',
  safetensors: 'model',
  bin: 'model',
  pb: 'model',
  tflite: 'model',
  keras: 'model',
  gguf: 'model',
};

/** Pickles, HDF5 and joblib files named like a trained model are weights, not data. */
const MODEL_NAME = /model|weights|checkpoint|classifier|regressor|estimator|clf|pipeline/i;

/** JSON files that configure tools rather than hold data. */
const CONFIG_JSON = new Set([
  'package.json',
  'package-lock.json',
  'composer.json',
  'renovate.json',
  'vercel.json',
  'railway.json',
  'app.json',
  'tsconfig.json',
  'jsconfig.json',
  'settings.json',
  'launch.json',
  'extensions.json',
  'devcontainer.json',
  '.devcontainer.json',
  'pyrightconfig.json',
  'biome.json',
  'manifest.json',
]);

/** Figures in docs are not data; images count only inside folders that hold a data set. */
const IMAGE_DATA_FOLDER = /(^|\/)(data|datasets?|raw|images|imgs|train|test|val|valid|validation|samples)\//i;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The data format of a listed file, or null when it is not a data file. */
export function dataFormatOf(file: TreeFile): DataFormat | null {
  const ext = file.ext;
  const base = baseName(file.path);
  const format = FORMAT_BY_EXT[ext];
  if (format === 'image') return IMAGE_DATA_FOLDER.test(file.path) ? 'image' : null;
  if (format === 'json' && (CONFIG_JSON.has(base.toLowerCase()) || base.startsWith('.'))) return null;
  if ((format === 'pickle' || format === 'hdf5') && MODEL_NAME.test(base)) return 'model';
  if (format) return format;
  return file.kind === 'data' ? 'other' : null;
}
