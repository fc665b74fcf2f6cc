import type { Parser, ParseState, Tree } from 'web-tree-sitter';
import { describeError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import type { Notebook } from '../notebooks/types.js';
import { type Extracted, extract } from './extract.js';
import { looksGenerated } from './generated.js';
import { countLines } from './line-counts.js';
import { localModules } from './local-modules.js';
import { blankIpython } from './magics.js';
import { pythonParser } from './parser.js';
import type { PyFile, PythonFacts } from './types.js';

/** Repository-wide caps on the lists checks scan, so one huge repository cannot balloon a cohort run. */
const MAX_CALLS = 50_000;
const MAX_STRINGS = 5_000;
const MAX_IMPORTS = 20_000;
const MAX_DEFS = 20_000;

const PYTHON_EXTENSIONS = new Set(['py', 'pyw']);
/** Tree-sitter's error recovery can take seconds on hostile input (random bytes in a .py); give up instead. */
const PARSE_BUDGET_MS = 2_000;

/** Parses with a time budget; null when the parser gave up or was cancelled. */
function parseBounded(parser: Parser, text: string): Tree | null {
  const deadline = performance.now() + PARSE_BUDGET_MS;
  // web-tree-sitter cancels when the callback returns true, though its types say void.
  const progressCallback = (() => performance.now() > deadline) as unknown as (state: ParseState) => void;
  const tree = parser.parse(text, null, { progressCallback });
  if (!tree) parser.reset();
  return tree;
}

export default defineCollector({
  name: 'python',
  needs: ['tree', 'notebooks'],
  async collect({ files, limits, facts }): Promise<PythonFacts> {
    // The grammar (wasm) is loaded on the first Python file or notebook, not for a repository without any.
    let loaded: Parser | undefined;
    const parser = async () => (loaded ??= await pythonParser());
    const result: PythonFacts = {
      files: [],
      imports: [],
      calls: [],
      strings: [],
      defs: [],
      localModules: [],
    };
    const modulePaths: string[] = [];
    for (const file of facts.tree.files) {
      if (!PYTHON_EXTENSIONS.has(file.ext)) continue;
      modulePaths.push(file.path);
      result.files.push(await parseModule(await parser(), files, limits, file.path, file.size, result));
    }
    for (const nb of facts.notebooks.notebooks) {
      if (nb.error === undefined && nb.language === 'python')
        result.files.push(parseNotebook(await parser(), nb, result));
    }
    result.localModules = localModules(modulePaths, new Set(result.imports.map((i) => i.top)));
    return result;
  },
});

function merge(into: PythonFacts, got: Extracted): void {
  pushCapped(into.imports, got.imports, MAX_IMPORTS);
  pushCapped(into.calls, got.calls, MAX_CALLS);
  pushCapped(into.strings, got.strings, MAX_STRINGS);
  pushCapped(into.defs, got.defs, MAX_DEFS);
}

function pushCapped<T>(into: T[], items: readonly T[], cap: number): void {
  for (const item of items) {
    if (into.length >= cap) return;
    into.push(item);
  }
}

function skippedFile(path: string, reason: string): PyFile {
  return {
    path,
    origin: 'module',
    codeLines: 0,
    commentLines: 0,
    syntaxErrors: [],
    hasMainGuard: false,
    generated: false,
    skipped: reason,
  };
}

async function parseModule(
  parser: Parser,
  files: RepoFiles,
  limits: Limits,
  path: string,
  size: number,
  into: PythonFacts,
): Promise<PyFile> {
  if (size > limits.maxFileBytes) return skippedFile(path, `too large to parse (${size} bytes)`);
  let text: string;
  let encoding: string;
  try {
    const read = await files.readText(path, limits.maxFileBytes);
    if (read.encoding === 'binary') return skippedFile(path, 'binary content, not Python source');
    if (read.truncated) return skippedFile(path, `too large to parse (${read.size} bytes)`);
    text = read.text;
    encoding = read.encoding;
  } catch (err) {
    return skippedFile(path, `could not be read: ${describeError(err)}`);
  }
  const tree = parseBounded(parser, text);
  if (!tree) return skippedFile(path, `not parsed: took longer than ${PARSE_BUDGET_MS} ms`);
  let got: Extracted;
  try {
    got = extract(tree, { file: path });
  } finally {
    tree.delete();
  }
  merge(into, got);
  const file: PyFile = {
    path,
    origin: 'module',
    ...countLines(text),
    syntaxErrors: got.syntaxErrorLines.map((line) => ({ line })),
    hasMainGuard: got.hasMainGuard,
    generated: looksGenerated(path, text),
  };
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') file.encoding = encoding;
  return file;
}

/** Each code cell is parsed on its own: a syntax error in one cell must not hide the next cell's imports. */
function parseNotebook(parser: Parser, nb: Notebook, into: PythonFacts): PyFile {
  const file: PyFile = {
    path: nb.path,
    origin: 'notebook',
    codeLines: 0,
    commentLines: 0,
    syntaxErrors: [],
    hasMainGuard: false,
    generated: false,
  };
  for (const cell of nb.cells) {
    if (cell.type !== 'code' || cell.source.trim() === '') continue;
    const source = blankIpython(cell.source);
    const counts = countLines(source);
    file.codeLines += counts.codeLines;
    file.commentLines += counts.commentLines;
    const tree = parseBounded(parser, source);
    if (!tree) continue;
    let got: Extracted;
    try {
      got = extract(tree, { file: nb.path, cell: cell.index });
    } finally {
      tree.delete();
    }
    merge(into, got);
    if (got.hasMainGuard) file.hasMainGuard = true;
    // A cell cut at the source cap ends mid-statement; that is our cut, not the author's error.
    if (!cell.truncated)
      for (const line of got.syntaxErrorLines) file.syntaxErrors.push({ line, cell: cell.index });
  }
  return file;
}
