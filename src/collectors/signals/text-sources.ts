import type { RepoFiles } from '../../source/repo-files.js';
import type { NotebooksFacts } from '../notebooks/types.js';
import type { ReadmeFacts } from '../readme/types.js';

/** A piece of prose or code to scan line by line; `cell` for notebook cells. */
export interface TextSource {
  file: string;
  cell?: number;
  kind: 'readme' | 'markdown-cell' | 'code-cell';
  text: string;
}

/** Text scanning is bounded per source: a README or a cell past this is scanned up to here. */
export const MAX_SOURCE_CHARS = 200_000;
/** Bytes read from the README (it is read again because the readme facts keep structure, not prose). */
export const MAX_README_BYTES = 512 * 1024;
/** A single line longer than this (minified HTML, base64) is cut before any regex runs over it. */
export const MAX_LINE_CHARS = 2_000;

export async function readmeSource(
  files: RepoFiles,
  readme: ReadmeFacts,
  problems: { file: string; reason: string }[],
): Promise<TextSource | null> {
  if (!readme.present || !readme.path) return null;
  try {
    const read = await files.readText(readme.path, MAX_README_BYTES);
    if (read.encoding === 'binary') {
      problems.push({ file: readme.path, reason: 'README looks binary; not scanned' });
      return null;
    }
    return { file: readme.path, kind: 'readme', text: read.text.slice(0, MAX_SOURCE_CHARS) };
  } catch (err) {
    problems.push({ file: readme.path, reason: err instanceof Error ? err.message : String(err) });
    return null;
  }
}

export function notebookSources(notebooks: NotebooksFacts): TextSource[] {
  const out: TextSource[] = [];
  for (const nb of notebooks.notebooks) {
    for (const cell of nb.cells) {
      if (cell.type === 'raw') continue;
      out.push({
        file: nb.path,
        cell: cell.index,
        kind: cell.type === 'markdown' ? 'markdown-cell' : 'code-cell',
        text: cell.source.slice(0, MAX_SOURCE_CHARS),
      });
    }
  }
  return out;
}

/** Lines of a source with their 1-based numbers, each cut to a bounded length. */
export function* linesOf(source: TextSource): Generator<{ text: string; line: number }> {
  const lines = source.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    yield { text: lines[i]!.slice(0, MAX_LINE_CHARS), line: i + 1 };
  }
}

export function where(source: TextSource, line: number): { file: string; line: number; cell?: number } {
  return source.cell === undefined
    ? { file: source.file, line }
    : { file: source.file, line, cell: source.cell };
}

/** A line as evidence text: whitespace squeezed, Markdown markers dropped, capped. */
export function excerpt(text: string, max = 200): string {
  const clean = text
    .replace(/^\s*(?:[#>*-]|\d+\.)+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
