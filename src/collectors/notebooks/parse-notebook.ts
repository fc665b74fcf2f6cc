import type { Notebook, NotebookCell, NotebookOutputSummary } from './types.js';

/** Longest cell source kept in the facts; line counts and byte counts still use the full source. */
export const MAX_CELL_SOURCE_CHARS = 100_000;
/** Cells read per notebook; the rest are dropped (a generated notebook can have tens of thousands). */
export const MAX_CELLS = 5_000;
const MAX_ERROR_TEXT = 300;
/** Values visited when sizing one output: a hostile output cannot make us walk forever. */
const MAX_SIZE_WALK = 100_000;
const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'];
/** nbformat 3 kept image data under short keys directly on the output. */
const V3_IMAGE_KEYS: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `source` is a string or a list of strings in valid files; anything else counts as empty. */
function joinText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  let out = '';
  for (const part of value) if (typeof part === 'string') out += part;
  return out;
}

function countLines(source: string): number {
  if (source === '') return 0;
  let lines = 1;
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    if (i < source.length - 1) lines++;
  }
  return lines;
}

function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Approximate stored size of a JSON value: the length of its strings plus a little per container. Iterative and bounded. */
function storedSize(value: unknown): number {
  let total = 0;
  let visited = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && visited < MAX_SIZE_WALK) {
    const item = stack.pop();
    visited++;
    if (typeof item === 'string') total += item.length;
    else if (typeof item === 'number' || typeof item === 'boolean') total += 8;
    else if (Array.isArray(item)) {
      total += 2;
      for (const child of item) stack.push(child);
    } else if (isRecord(item)) {
      total += 2;
      for (const [key, child] of Object.entries(item)) {
        total += key.length + 4;
        stack.push(child);
      }
    }
  }
  return total;
}

function summariseOutputs(raw: unknown): NotebookOutputSummary {
  const summary: NotebookOutputSummary = { errors: [], images: 0, imageMimes: [], bytes: 0, stderr: 0 };
  if (!Array.isArray(raw)) return summary;
  for (const output of raw) {
    if (!isRecord(output)) continue;
    summary.bytes += storedSize(output);
    const type = output.output_type;
    if (type === 'error' || type === 'pyerr') {
      summary.errors.push({
        ename: capText(typeof output.ename === 'string' ? output.ename : 'Error', MAX_ERROR_TEXT),
        evalue: capText(typeof output.evalue === 'string' ? output.evalue : '', MAX_ERROR_TEXT),
      });
    } else if (type === 'stream' && (output.name === 'stderr' || output.stream === 'stderr')) {
      summary.stderr++;
    }
    const mimes = new Set<string>();
    if (isRecord(output.data)) {
      for (const mime of IMAGE_MIMES) if (output.data[mime] !== undefined) mimes.add(mime);
    }
    for (const [key, mime] of Object.entries(V3_IMAGE_KEYS)) if (output[key] !== undefined) mimes.add(mime);
    if (mimes.size > 0) {
      summary.images++;
      for (const mime of mimes) if (!summary.imageMimes.includes(mime)) summary.imageMimes.push(mime);
    }
  }
  return summary;
}

function cellType(raw: Json): NotebookCell['type'] {
  const type = raw.cell_type;
  if (type === 'code' || type === 'markdown' || type === 'raw') return type;
  if (type === 'heading') return 'markdown';
  return 'raw';
}

function executionCount(raw: Json): number | null {
  const value = raw.execution_count ?? raw.prompt_number;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function readCell(raw: unknown, index: number): { cell: NotebookCell; fullCodeBytes: number } {
  if (!isRecord(raw)) {
    return { cell: emptyCell(index), fullCodeBytes: 0 };
  }
  const type = cellType(raw);
  let source = joinText(raw.source ?? raw.input);
  if (raw.cell_type === 'heading') {
    // nbformat 3 heading cells: the level lives beside the text.
    const level = typeof raw.level === 'number' && raw.level >= 1 && raw.level <= 6 ? raw.level : 1;
    source = `${'#'.repeat(level)} ${source}`;
  }
  const cell: NotebookCell = {
    index,
    type,
    source: source.length > MAX_CELL_SOURCE_CHARS ? source.slice(0, MAX_CELL_SOURCE_CHARS) : source,
    lines: countLines(source),
    executionCount: type === 'code' ? executionCount(raw) : null,
    outputs: type === 'code' ? summariseOutputs(raw.outputs) : summariseOutputs(undefined),
  };
  if (source.length > MAX_CELL_SOURCE_CHARS) cell.truncated = true;
  return { cell, fullCodeBytes: type === 'code' ? Buffer.byteLength(source) : 0 };
}

function emptyCell(index: number): NotebookCell {
  return {
    index,
    type: 'raw',
    source: '',
    lines: 0,
    executionCount: null,
    outputs: summariseOutputs(undefined),
  };
}

/** Cells of nbformat 4 (`cells`) or 3 (`worksheets[].cells`); null when there is no list of cells. */
function rawCellsOf(doc: Json): unknown[] | null {
  if (Array.isArray(doc.cells)) return doc.cells;
  if (Array.isArray(doc.worksheets)) {
    const cells: unknown[] = [];
    for (const sheet of doc.worksheets) {
      if (isRecord(sheet) && Array.isArray(sheet.cells)) cells.push(...sheet.cells.slice(0, MAX_CELLS));
    }
    return cells;
  }
  return null;
}

function declaredLanguage(metadata: unknown): string | null {
  if (!isRecord(metadata)) return null;
  const kernelspec = isRecord(metadata.kernelspec) ? metadata.kernelspec : {};
  const info = isRecord(metadata.language_info) ? metadata.language_info : {};
  for (const value of [kernelspec.language, info.name, metadata.language]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toLowerCase();
  }
  const kernel = typeof kernelspec.name === 'string' ? kernelspec.name.toLowerCase() : '';
  if (kernel.includes('python')) return 'python';
  if (kernel === 'ir') return 'r';
  if (kernel.startsWith('julia')) return 'julia';
  return null;
}

const PYTHON_HINT = /^\s*(import \w|from [\w.]+ import |def \w+\s*\(|print\(|class \w+)/m;

/** Old notebooks often name no language; Python is assumed only when the code reads like it. */
function guessLanguage(cells: NotebookCell[]): string {
  for (const cell of cells) if (cell.type === 'code' && PYTHON_HINT.test(cell.source)) return 'python';
  return 'unknown';
}

export function notebookFileTitle(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.ipynb$/i, '');
}

function titleOf(cells: NotebookCell[], path: string): string {
  for (const cell of cells) {
    if (cell.type !== 'markdown') continue;
    const match = /^#\s+(.+?)\s*#*\s*$/m.exec(cell.source);
    if (match?.[1]) return capText(match[1], 200);
  }
  return notebookFileTitle(path);
}

/** A notebook entry for a file that could not be read as one; `cells` stays empty. */
export function unreadableNotebook(path: string, bytes: number, error: string): Notebook {
  return {
    path,
    nbformat: null,
    language: 'unknown',
    cells: [],
    error,
    bytes,
    codeBytes: 0,
    title: notebookFileTitle(path),
  };
}

/**
 * Turns a notebook's text into facts. Never throws: broken JSON, a document that is not a
 * notebook, or fields of the wrong type give an entry with `error` or with empty values.
 */
export function parseNotebook(path: string, text: string, bytes: number): Notebook {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return unreadableNotebook(
      path,
      bytes,
      `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (!isRecord(doc)) return unreadableNotebook(path, bytes, 'not a notebook: the JSON is not an object');
  const rawCells = rawCellsOf(doc);
  if (!rawCells) return unreadableNotebook(path, bytes, 'not a notebook: no list of cells');
  const nbformat =
    typeof doc.nbformat === 'number' && Number.isInteger(doc.nbformat)
      ? doc.nbformat
      : Array.isArray(doc.worksheets)
        ? 3
        : 4;
  const cells: NotebookCell[] = [];
  let codeBytes = 0;
  const count = Math.min(rawCells.length, MAX_CELLS);
  for (let i = 0; i < count; i++) {
    const { cell, fullCodeBytes } = readCell(rawCells[i], i);
    cells.push(cell);
    codeBytes += fullCodeBytes;
  }
  const language = declaredLanguage(doc.metadata) ?? guessLanguage(cells);
  const notebook: Notebook = {
    path,
    nbformat,
    language,
    cells,
    bytes,
    codeBytes,
    title: titleOf(cells, path),
  };
  if (rawCells.length > MAX_CELLS) notebook.cellsDropped = rawCells.length - MAX_CELLS;
  return notebook;
}
