import type { Parser } from 'web-tree-sitter';
import type { NotebooksFacts } from '../../collectors/notebooks/types.js';
import { blankIpython } from '../../collectors/python/magics.js';
import type { TreeFacts } from '../../collectors/tree/types.js';
import { describeError } from '../../errors.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { lexTokens } from './lex.js';
import { parseBounded, tokenise } from './tokenise.js';
import type { CodeUnit, Fingerprint, RepoCode } from './types.js';
import { fingerprintTokens } from './winnow.js';

/** Fingerprints kept per repository: enough for any real project, bounded for a hostile one. */
export const MAX_FINGERPRINTS_PER_REPO = 200_000;
const PYTHON_EXTENSIONS = new Set(['py', 'pyw']);

/**
 * Fingerprints of one piece of Python; null when the parser gave up on it. The lexer reads most
 * code; what it declines is parsed (the parser is loaded on first need).
 */
export async function fingerprintSource(source: string): Promise<Omit<Fingerprint, 'unit'>[] | null> {
  if (nothingToFingerprint(source)) return [];
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const lexed = lexTokens(source);
  const prints = lexed !== null ? fingerprintTokens(lexed) : parsedFingerprints(await parser(), source);
  remember(source, prints);
  return prints;
}

/** The parser, loaded on first need: most cohorts never need it, and it is a wasm module to compile. */
async function parser(): Promise<Parser> {
  const { pythonParser } = await import('../../collectors/python/parser.js');
  return pythonParser();
}

function parsedFingerprints(parser: Parser, source: string): Omit<Fingerprint, 'unit'>[] | null {
  const tree = parseBounded(parser, source);
  if (!tree) return null;
  try {
    return fingerprintTokens(tokenise(tree, source));
  } finally {
    tree.delete();
  }
}

/**
 * Identical files and cells are common across a cohort (a course's starter code, a forked helper
 * module): each text is parsed once per process. The fingerprints depend on the text alone, so a
 * hit is exact. Bounded by entries and characters held; when full it starts over.
 */
const cache = new Map<string, Omit<Fingerprint, 'unit'>[] | null>();
const CACHE_MAX_ENTRIES = 4096;
const CACHE_MAX_CHARS = 16 * 1024 * 1024;
let cachedChars = 0;
function remember(source: string, prints: Omit<Fingerprint, 'unit'>[] | null): void {
  if (source.length > CACHE_MAX_CHARS / 16) return;
  if (cache.size >= CACHE_MAX_ENTRIES || cachedChars + source.length > CACHE_MAX_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  cache.set(source, prints);
  cachedChars += source.length;
}

/** A line that gives no token: blank, a comment, or a one-line import at the margin (imports are dropped). */
const SILENT_LINE = /^(?:[ \t\f]*(?:#.*)?|(?:import|from[ \t]+[\w.]+[ \t]+import)[ \t][^(\\;\n]*)$/;

/**
 * Whether a piece of code cannot give a fingerprint without parsing it: every line is blank, a
 * comment or an import (the usual first cell of a notebook; `%magics` are blanked before this).
 */
export function nothingToFingerprint(source: string): boolean {
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const line = source.slice(start, end);
    if (!SILENT_LINE.test(line.endsWith('\r') ? line.slice(0, -1) : line)) return false;
    start = end + 1;
  }
  return true;
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
  const code: RepoCode = { units: [], fingerprints: [], problems: [] };
  const add = (unit: CodeUnit, prints: Omit<Fingerprint, 'unit'>[]) => {
    if (prints.length === 0) return;
    const index = code.units.length;
    code.units.push(unit);
    for (const p of prints) {
      if (code.fingerprints.length >= MAX_FINGERPRINTS_PER_REPO) return;
      code.fingerprints.push({ hash: p.hash, unit: index, startLine: p.startLine, endLine: p.endLine });
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
    const prints = await fingerprintSource(text);
    if (prints === null) code.problems.push({ file: file.path, reason: 'parser gave up (time budget)' });
    else add({ file: file.path }, prints);
  }
  for (const nb of notebooks.notebooks) {
    if (nb.error !== undefined || nb.language !== 'python') continue;
    for (const cell of nb.cells) {
      if (cell.type !== 'code' || cell.source.trim() === '') continue;
      const prints = await fingerprintSource(blankIpython(cell.source));
      if (prints === null)
        code.problems.push({ file: nb.path, reason: `cell ${cell.index + 1}: parser gave up` });
      else add({ file: nb.path, cell: cell.index }, prints);
    }
  }
  return code;
}
