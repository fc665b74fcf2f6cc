import type { RepoFiles } from '../../source/repo-files.js';
import type { NotebooksFacts } from '../notebooks/types.js';
import type { ReadmeFacts } from '../readme/types.js';

/** A piece of prose or code to scan line by line; `cell` for notebook cells. */
export interface TextSource {
  file: string;
  cell?: number;
  /** doc: another Markdown/R Markdown/Quarto/text document, or the comments of an R, Stata or SQL script. */
  kind: 'readme' | 'markdown-cell' | 'code-cell' | 'doc';
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

/** Prose documents besides the README read for paper, replication and provenance sentences. */
const DOC_FILE = /\.(md|markdown|rmd|qmd|rst|txt)$/i;
/** Scripts whose comments are read (a header "Replication of Card and Krueger (1994)" in an R or Stata file). */
const COMMENTED_SCRIPT = /\.(r|do|sql|jl)$/i;
const NOT_PROSE =
  /(^|\/)(requirements[^/]*|LICEN[CS]E[^/]*|COPYING|CHANGELOG[^/]*|CHANGES[^/]*|NEWS[^/]*|CODE_OF_CONDUCT[^/]*|CONTRIBUTING[^/]*|runtime|\.?[\w-]*ignore)(\.\w+)?$|(^|\/)(data|datasets?|raw|output|outputs|results|logs?)\//i;
export const MAX_DOC_FILES = 40;
const MAX_DOC_BYTES = 200 * 1024;

/**
 * Other Markdown, R Markdown, Quarto and text documents, and the comment lines of R, Stata, SQL and
 * Julia scripts (code lines blanked so line numbers stay true). Bounded in files and bytes.
 */
export async function docSources(
  files: RepoFiles,
  tree: readonly { path: string; size: number }[],
  readmePath: string | null,
  problems: { file: string; reason: string }[],
): Promise<TextSource[]> {
  const wanted = tree
    .filter(
      (f) =>
        f.path !== readmePath &&
        (DOC_FILE.test(f.path) || COMMENTED_SCRIPT.test(f.path)) &&
        !NOT_PROSE.test(f.path) &&
        f.size > 0,
    )
    // Shallow files first: a top-level report says more about the project than a nested note.
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path))
    .slice(0, MAX_DOC_FILES);
  const out: TextSource[] = [];
  for (const f of wanted) {
    try {
      const read = await files.readText(f.path, MAX_DOC_BYTES);
      if (read.encoding === 'binary') continue;
      let text = read.text.slice(0, MAX_SOURCE_CHARS);
      if (/\.txt$/i.test(f.path) && looksTabular(text)) continue;
      if (COMMENTED_SCRIPT.test(f.path)) text = commentLines(text, f.path);
      out.push({ file: f.path, kind: 'doc', text });
    } catch (err) {
      problems.push({ file: f.path, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

/** Keeps comment lines (R/Julia `#`, Stata `*` and `//`, SQL `--`), blanks the rest. */
function commentLines(text: string, path: string): string {
  const comment = /\.sql$/i.test(path) ? /^\s*--/ : /\.do$/i.test(path) ? /^\s*(\*|\/\/)/ : /^\s*#/;
  return text
    .split('\n')
    .map((l) => (comment.test(l) ? l.replace(/^\s*(#'?|\*+|\/\/|--)\s?/, '') : ''))
    .join('\n');
}

/** A `.txt` file whose lines are tab- or comma-separated rows is data (an exported table), not prose. */
function looksTabular(text: string): boolean {
  const lines = text.split('\n', 200).filter((l) => l.trim() !== '');
  if (lines.length < 5) return false;
  const commas = (l: string) => l.match(/,/g)?.length ?? 0;
  const columns = commas(lines[0]!);
  const rows = lines.filter((l) => l.includes('\t') || (columns >= 3 && commas(l) === columns));
  return rows.length / lines.length > 0.8;
}
