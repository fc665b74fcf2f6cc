import { describeError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import type { TreeFacts, TreeFile } from '../tree/types.js';
import {
  downloadStepsFromCalls,
  downloadStepsFromTree,
  downloadStepsInNotebookCells,
  downloadStepsInText,
  isShellLike,
} from './download-steps.js';
import { dataFormatOf } from './formats.js';
import { findReferences, repoPaths } from './references.js';
import { alike, sampleGroups } from './sample.js';
import { HEAD_BYTES, magicMismatch, pointerKind } from './sniff-head.js';
import type { DataFacts, DataFile, DataFormat, DownloadStep, SampledFolder } from './types.js';

// The CSV and Parquet readers load on the first file that needs them: most repositories have no
// Parquet, and hyparquet alone is a few dozen modules to compile at every start.
let csvReader: Promise<typeof import('./sniff-csv.js')> | undefined;
let parquetReader: Promise<typeof import('./sniff-parquet.js')> | undefined;

/** Data files whose content is sniffed; past this, files are described by name and size only. */
const MAX_SNIFFED = 2000;
const BATCH = 32;

export default defineCollector({
  name: 'data',
  needs: ['tree', 'python', 'notebooks'],
  async collect({ files, limits, facts }) {
    const { tree, python, notebooks } = facts;
    const candidates: [TreeFile, DataFormat][] = [];
    for (const f of tree.files) {
      const format = dataFormatOf(f);
      if (format) candidates.push([f, format]);
    }
    const described: (DataFile | undefined)[] = new Array(candidates.length);
    const describe = (indexes: readonly number[]) =>
      describeMany(files, limits, candidates, indexes, described);

    // Large folders of like files: read a sample first; the rest only if the sample differs.
    const sampled: SampledFolder[] = [];
    const deferred = new Set<number>();
    for (const group of sampleGroups(candidates)) {
      await describe(group.sample);
      const sample = group.sample.map((i) => described[i]!);
      const inSample = new Set(group.sample);
      if (!alike(sample)) continue;
      for (const i of group.members) {
        if (inSample.has(i)) continue;
        const [f, format] = candidates[i]!;
        described[i] = { ...byName(f, format), notRead: true };
        deferred.add(i);
      }
      sampled.push({
        folder: group.folder,
        ext: group.ext,
        format: group.format,
        files: group.members.length,
        read: group.sample.length,
        ...(sample[0]?.columns ? { columns: sample[0].columns } : {}),
      });
    }
    // Everything else, in listing order; past MAX_SNIFFED files read, by name and size only.
    let unsniffed = 0;
    let reads = described.filter((d) => d !== undefined).length - deferred.size;
    const rest: number[] = [];
    for (let i = 0; i < candidates.length; i++) {
      if (described[i] !== undefined) continue;
      if (reads < MAX_SNIFFED) {
        rest.push(i);
        reads++;
      } else {
        const [f, format] = candidates[i]!;
        described[i] = byName(f, format);
        unsniffed++;
      }
    }
    await describe(rest);
    const dataFiles = described as DataFile[];
    addAnnexLinks(tree, dataFiles);

    const paths = repoPaths(tree.files.map((f) => f.path));
    const references = findReferences(python.calls, paths);
    const downloadSteps: DownloadStep[] = [
      ...downloadStepsFromTree(tree.files),
      ...downloadStepsFromCalls(python.calls),
      ...(await downloadStepsInShellFiles(files, tree.files)),
    ];
    const unresolved = references.filter((r) => r.kind === 'relative' && !r.exists);
    if (unresolved.length > 0 && downloadSteps.length === 0) {
      // Only worth a look at notebook shell lines when it changes the verdict: `!kaggle …` cells.
      for (const nb of notebooks.notebooks)
        downloadSteps.push(...downloadStepsInNotebookCells(nb.cells, nb.path));
    }
    const result: DataFacts = {
      files: dataFiles,
      references,
      downloadSteps,
      absolutePaths: references.filter((r) => r.kind === 'absolute' || r.kind === 'kaggle-input'),
      missing: downloadSteps.length === 0 ? unresolved : [],
      totalBytes: dataFiles.reduce((sum, f) => sum + (f.pointer ? 0 : f.size), 0),
      unsniffed,
      sampled,
    };
    return result;
  },
});

/** Describes the candidates at `indexes` into `out`, BATCH reads at a time. */
async function describeMany(
  files: RepoFiles,
  limits: Limits,
  candidates: readonly [TreeFile, DataFormat][],
  indexes: readonly number[],
  out: (DataFile | undefined)[],
): Promise<void> {
  for (let i = 0; i < indexes.length; i += BATCH) {
    const batch = indexes.slice(i, i + BATCH);
    const got = await Promise.all(
      batch.map((k) => describeDataFile(files, limits, candidates[k]![0], candidates[k]![1])),
    );
    for (const [j, k] of batch.entries()) out[k] = got[j];
  }
}

function byName(f: TreeFile, format: DataFormat): DataFile {
  return { path: f.path, format, size: f.size };
}

async function describeDataFile(
  files: RepoFiles,
  limits: Limits,
  f: TreeFile,
  format: DataFormat,
): Promise<DataFile> {
  const out = byName(f, format);
  try {
    const { bytes: head } = await files.readRange(f.path, 0, HEAD_BYTES);
    const pointer = pointerKind(head, f.size);
    if (pointer) {
      out.pointer = pointer;
      return out;
    }
    const mismatch = magicMismatch(format, f.ext, head, f.size);
    if (mismatch) {
      out.error = mismatch;
      return out;
    }
    if (format === 'csv' || format === 'tsv') {
      const want = Math.min(f.size, limits.sniffBytes);
      const { bytes } = want <= head.length ? { bytes: head } : await files.readRange(f.path, 0, want);
      csvReader ??= import('./sniff-csv.js');
      const { sniffCsv } = await csvReader;
      const sniff = sniffCsv(bytes, bytes.length >= f.size, format === 'tsv');
      Object.assign(out, sniff);
    } else if (format === 'parquet') {
      parquetReader ??= import('./sniff-parquet.js');
      const { sniffParquet } = await parquetReader;
      Object.assign(out, await sniffParquet(files, f.path, f.size, limits.sniffBytes, limits.maxFileBytes));
    }
  } catch (err) {
    out.error = describeError(err);
  }
  return out;
}

/** git-annex stores content behind symlinks, which the tree lists as skipped, not as files. */
function addAnnexLinks(tree: TreeFacts, out: DataFile[]): void {
  for (const s of tree.skipped) {
    if (!s.detail?.includes('annex/objects/')) continue;
    const ext = s.path.slice(s.path.lastIndexOf('.') + 1).toLowerCase();
    const format = dataFormatOf({ path: s.path, ext, size: 0, kind: 'data', tracked: true });
    out.push({ path: s.path, format: format ?? 'other', size: 0, pointer: 'git-annex' });
  }
}

async function downloadStepsInShellFiles(
  files: RepoFiles,
  tree: readonly TreeFile[],
): Promise<DownloadStep[]> {
  const steps: DownloadStep[] = [];
  for (const f of tree) {
    if (!isShellLike(f) || f.size > 1024 * 1024) continue;
    try {
      const { text } = await files.readText(f.path, 256 * 1024);
      steps.push(...downloadStepsInText(text, f.path));
    } catch {
      // an unreadable script only means one fewer place to find a download step
    }
  }
  return steps;
}
