import type { Parser } from 'web-tree-sitter';
import type { NotebooksFacts } from '../../collectors/notebooks/types.js';
import { blankIpython } from '../../collectors/python/magics.js';
import { pythonParser } from '../../collectors/python/parser.js';
import type { TreeFacts } from '../../collectors/tree/types.js';
import { describeError } from '../../errors.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { parseBounded, tokenise } from './tokenise.js';
import type { CodeUnit, Fingerprint, RepoCode } from './types.js';
import { fingerprintTokens } from './winnow.js';

/** Fingerprints kept per repository: enough for any real project, bounded for a hostile one. */
export const MAX_FINGERPRINTS_PER_REPO = 200_000;
const PYTHON_EXTENSIONS = new Set(['py', 'pyw']);

/** Fingerprints of one piece of Python; null when the parser gave up on it. */
export function fingerprintSource(parser: Parser, source: string): Omit<Fingerprint, 'unit'>[] | null {
  const tree = parseBounded(parser, source);
  if (!tree) return null;
  try {
    return fingerprintTokens(tokenise(tree, source));
  } finally {
    tree.delete();
  }
}

/**
 * Fingerprints a repository's own Python: each `.py` file whole, each notebook code cell on its
 * own (so reordering cells moves fingerprints but does not break them). Files are read through
 * RepoFiles, bounded; a file that cannot be read or parsed is a problem, not a failure.
 */
export async function fingerprintRepo(
  files: RepoFiles,
  tree: TreeFacts,
  notebooks: NotebooksFacts,
): Promise<RepoCode> {
  const parser = await pythonParser();
  const code: RepoCode = { units: [], fingerprints: [], problems: [] };
  const add = (unit: CodeUnit, prints: Omit<Fingerprint, 'unit'>[]) => {
    if (prints.length === 0) return;
    const index = code.units.length;
    code.units.push(unit);
    for (const p of prints) {
      if (code.fingerprints.length >= MAX_FINGERPRINTS_PER_REPO) return;
      code.fingerprints.push({ ...p, unit: index });
    }
  };
  const maxBytes = files.limits.maxFileBytes;
  for (const file of tree.files) {
    if (!PYTHON_EXTENSIONS.has(file.ext)) continue;
    if (file.size > maxBytes) {
      code.problems.push({ file: file.path, reason: `too large to fingerprint (${file.size} bytes)` });
      continue;
    }
    let text: string;
    try {
      const read = await files.readText(file.path, maxBytes);
      if (read.encoding === 'binary') {
        code.problems.push({ file: file.path, reason: 'binary content, not Python source' });
        continue;
      }
      if (read.truncated) {
        code.problems.push({ file: file.path, reason: `too large to fingerprint (${read.size} bytes)` });
        continue;
      }
      text = read.text;
    } catch (err) {
      code.problems.push({ file: file.path, reason: `could not be read: ${describeError(err)}` });
      continue;
    }
    const prints = fingerprintSource(parser, text);
    if (prints === null) code.problems.push({ file: file.path, reason: 'parser gave up (time budget)' });
    else add({ file: file.path }, prints);
  }
  for (const nb of notebooks.notebooks) {
    if (nb.error !== undefined || nb.language !== 'python') continue;
    for (const cell of nb.cells) {
      if (cell.type !== 'code' || cell.source.trim() === '') continue;
      const prints = fingerprintSource(parser, blankIpython(cell.source));
      if (prints === null)
        code.problems.push({ file: nb.path, reason: `cell ${cell.index + 1}: parser gave up` });
      else add({ file: nb.path, cell: cell.index }, prints);
    }
  }
  return code;
}
