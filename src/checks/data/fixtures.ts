/** Facts literals for data check tests (tests only; no check imports this). */
import type { DataFacts, DataFile, DataReference } from '../../collectors/data/types.js';
import type { TreeFacts, TreeFile } from '../../collectors/tree/types.js';

export function dataOf(extra: Partial<DataFacts> = {}): DataFacts {
  return {
    files: [],
    references: [],
    downloadSteps: [],
    absolutePaths: [],
    missing: [],
    totalBytes: 0,
    unsniffed: 0,
    ...extra,
  };
}

export function ref(target: string, extra: Partial<DataReference> = {}): DataReference {
  return { file: 'train.py', line: 3, target, via: 'pd.read_csv', kind: 'relative', exists: true, ...extra };
}

export function dataFile(path: string, size: number, extra: Partial<DataFile> = {}): DataFile {
  return { path, format: 'csv', size, ...extra };
}

export function treeOf(files: Partial<TreeFile>[], isGitRepo = true): TreeFacts {
  return {
    root: '/repo',
    isGitRepo,
    files: files.map((f) => ({ path: 'x', size: 0, kind: 'data', ext: 'csv', tracked: true, ...f })),
    vendored: [],
    skipped: [],
    truncated: false,
    totalBytes: 0,
    languageBytes: {},
  };
}

export const MB = 1024 * 1024;
