import type { Notebook } from '../../collectors/notebooks/types.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { imageOutputProblem } from '../read/notebook.js';

export interface DraftFigure {
  /** File name under assets/. */
  name: string;
  bytes: Buffer;
  caption: string;
  alt: string;
  source: string;
}

const MAX_FIGURES = 6;
const EXT: Record<string, string> = { 'image/png': 'png', 'image/svg+xml': 'svg', 'image/jpeg': 'jpg' };

function text(source: unknown): string {
  return Array.isArray(source)
    ? source.filter((s) => typeof s === 'string').join('')
    : typeof source === 'string'
      ? source
      : '';
}

/** The first prose line of a Markdown cell, without heading marks or emphasis. */
function firstLine(markdown: string): string {
  const line = markdown.split('\n').find((l) => l.trim() !== '' && !/^\s*(```|<)/.test(l)) ?? '';
  return line
    .replace(/^\s*#+\s*/, '')
    .replace(/[*_`]/g, '')
    .trim()
    .slice(0, 160);
}

/**
 * Image outputs of the repository's notebooks, decoded, with a caption from the Markdown cell
 * nearest before the figure (or after it). Broken outputs are skipped and named in `notes`.
 */
export async function extractFigures(
  files: RepoFiles,
  notebooks: readonly Notebook[],
  notes: string[],
): Promise<DraftFigure[]> {
  const figures: DraftFigure[] = [];
  for (const nb of notebooks) {
    if (figures.length >= MAX_FIGURES) break;
    if (!nb.cells.some((c) => c.outputs.images > 0)) continue;
    let cells: { cell_type?: string; source?: unknown; outputs?: unknown }[];
    try {
      const read = await files.readText(nb.path, files.limits.maxNotebookBytes);
      cells = (JSON.parse(read.text) as { cells: typeof cells }).cells;
    } catch {
      notes.push(`${nb.path}: could not be read for figures`);
      continue;
    }
    for (let i = 0; i < cells.length && figures.length < MAX_FIGURES; i++) {
      const outputs = Array.isArray(cells[i]!.outputs)
        ? (cells[i]!.outputs as { data?: Record<string, unknown> }[])
        : [];
      for (const out of outputs) {
        const mime = Object.keys(out?.data ?? {}).find((m) => EXT[m]);
        if (!mime || figures.length >= MAX_FIGURES) continue;
        const data = out.data![mime];
        const problem = imageOutputProblem(mime, data);
        if (problem) {
          notes.push(`${nb.path} cell ${i + 1}: image output ${problem}; skipped`);
          continue;
        }
        let caption = '';
        for (let j = i - 1; j >= 0 && caption === ''; j--)
          if (cells[j]!.cell_type === 'markdown') caption = firstLine(text(cells[j]!.source));
        if (caption === '' && cells[i + 1]?.cell_type === 'markdown')
          caption = firstLine(text(cells[i + 1]!.source));
        if (caption === '') caption = `output of ${nb.path}, cell ${i + 1}`;
        const bytes =
          mime === 'image/svg+xml'
            ? Buffer.from(text(data), 'utf8')
            : Buffer.from(text(data).replace(/\s+/g, ''), 'base64');
        const n = figures.length + 1;
        figures.push({
          name: `figure-${n}.${EXT[mime]}`,
          bytes,
          caption,
          alt: `${caption} (from ${nb.path}, cell ${i + 1})`,
          source: `${nb.path} cell ${i + 1}`,
        });
      }
    }
  }
  return figures;
}
