import type { PySource } from '../python/types.js';

export type DataFormat =
  | 'csv'
  | 'tsv'
  | 'parquet'
  | 'excel'
  | 'json'
  | 'jsonl'
  | 'pickle'
  | 'feather'
  | 'hdf5'
  | 'sqlite'
  | 'npy'
  | 'image'
  | 'audio'
  | 'archive'
  | 'model'
  | 'other';

export interface DataFile {
  path: string;
  format: DataFormat;
  size: number;
  /** Column names from the header (CSV/TSV) or schema (Parquet). */
  columns?: string[];
  /** Rows: exact for Parquet (from metadata), null when unknown. */
  rows?: number | null;
  delimiter?: string;
  /** A Git LFS / git-annex pointer instead of the data itself. */
  pointer?: 'git-lfs' | 'git-annex';
  /** Could not sniff it: the reason (binary in a CSV, bad Parquet footer …). */
  error?: string;
  /** Not read: it sits in a large folder of like files whose sample was read instead (see `sampled`). */
  notRead?: true;
}

/** A large folder of like files judged by a sample; the files outside the sample were not read. */
export interface SampledFolder {
  folder: string;
  /** Lower-case extension of the folder's files. */
  ext: string;
  format: DataFormat;
  /** Files of this extension in the folder. */
  files: number;
  /** Files read: the sample. */
  read: number;
  /** The header every sampled file shares (CSV/TSV/Parquet), if any. */
  columns?: string[];
}

export interface DataReference extends PySource {
  /** The path or URL as written in the code. */
  target: string;
  line: number;
  /** The reading call (`pd.read_csv`, `open`, `np.load` …). */
  via: string;
  kind: 'relative' | 'absolute' | 'url' | 'kaggle-input';
  /** The referenced file exists in the repository (relative paths resolved against the file and root). */
  exists: boolean;
  /** The path only exists on a hosted notebook platform (`/kaggle/input`, `../input`, Colab's `/content`). */
  platform?: 'kaggle' | 'colab';
}

export interface DownloadStep {
  file: string;
  line: number;
  cell?: number;
  /** What fetches the data, in a few words (`wget in Makefile`, `kaggle datasets download`, `DVC`). */
  what: string;
}

export interface DataFacts {
  files: DataFile[];
  references: DataReference[];
  /** Places that fetch data: download scripts, `requests.get(...csv)`, `kaggle datasets download`, DVC, `wget` in a Makefile … */
  downloadSteps: DownloadStep[];
  /** References to absolute paths on someone's machine (`/Users/…`, `C:\\…`, `/home/…`). */
  absolutePaths: DataReference[];
  /** References whose file is not in the repo and no download step exists. */
  missing: DataReference[];
  /** Total bytes of data files committed. */
  totalBytes: number;
  /** Data files listed by extension only, past the sniffing cap (their format and size are still known). */
  unsniffed: number;
  /** Large folders of like files of which only a sample was read; empty when every file was read. */
  sampled?: SampledFolder[];
}
