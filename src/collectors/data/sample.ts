import type { TreeFile } from '../tree/types.js';
import type { DataFile, DataFormat } from './types.js';

/**
 * Large folders of like files (a dataset scraped page by page: thousands of CSVs with one header)
 * are sampled instead of read in full, so the cost of a data file does not grow with the number
 * of files beside it. A folder with at least SAMPLE_FOLDER_MIN files of one extension has
 * SAMPLE_SIZE of them read, spread evenly over its sorted listing; when every one is alike (no
 * pointer, no error, one header), the others are described by name and size only and the facts
 * say so. When the sample differs, every file is read as before.
 */
export const SAMPLE_FOLDER_MIN = 50;
export const SAMPLE_SIZE = 10;

export interface SampleGroup {
  folder: string;
  /** Lower-case extension shared by the group's files. */
  ext: string;
  format: DataFormat;
  /** Positions in the candidate list, in listing order. */
  members: number[];
  /** The members read to judge the folder (a subset of `members`). */
  sample: number[];
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/** Groups of candidates large enough to sample: same folder, same extension, same format. */
export function sampleGroups(candidates: readonly (readonly [TreeFile, DataFormat])[]): SampleGroup[] {
  const byKey = new Map<string, SampleGroup>();
  for (const [i, [file, format]] of candidates.entries()) {
    const folder = folderOf(file.path);
    const key = `${folder}\0${file.ext}\0${format}`;
    let group = byKey.get(key);
    if (!group) {
      group = { folder, ext: file.ext, format, members: [], sample: [] };
      byKey.set(key, group);
    }
    group.members.push(i);
  }
  const groups = [...byKey.values()].filter((g) => g.members.length >= SAMPLE_FOLDER_MIN);
  for (const g of groups) {
    // Evenly spread over the listing (first and last included), so a folder that changes
    // partway (an older export with other columns) is likely to show it in the sample.
    const n = g.members.length;
    const picks = new Set<number>();
    for (let k = 0; k < SAMPLE_SIZE; k++) picks.add(Math.round((k * (n - 1)) / (SAMPLE_SIZE - 1)));
    g.sample = [...picks].sort((a, b) => a - b).map((k) => g.members[k]!);
  }
  return groups;
}

/** The sampled files are alike: none is a pointer or unreadable, and all have the same columns. */
export function alike(sampled: readonly DataFile[]): boolean {
  if (sampled.length === 0) return false;
  const first = sampled[0]!;
  const header = (f: DataFile) => (f.columns ?? []).join('\u0000');
  return sampled.every(
    (f) =>
      f.pointer === undefined &&
      f.error === undefined &&
      header(f) === header(first) &&
      f.delimiter === first.delimiter,
  );
}
