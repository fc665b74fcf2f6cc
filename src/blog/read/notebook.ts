import { readMarkdown } from './markdown.js';
import { emptyRaw, type RawPost } from './raw.js';

interface NbCell {
  cell_type?: unknown;
  source?: unknown;
  outputs?: unknown;
}

function joined(source: unknown): string {
  if (typeof source === 'string') return source;
  if (Array.isArray(source)) return source.filter((s) => typeof s === 'string').join('');
  return '';
}

const PNG_MAGIC = 'iVBORw0KGgo';

/** Whether a base64 image output decodes to something that looks like its MIME type. */
export function imageOutputProblem(mime: string, data: unknown): string | null {
  const text = joined(data).replace(/\s+/g, '');
  if (text === '') return 'is empty';
  if (mime === 'image/svg+xml') return /<svg[\s>]/i.test(joined(data)) ? null : 'is not SVG';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return 'is not valid base64';
  if (mime === 'image/png' && !text.startsWith(PNG_MAGIC)) return 'is not a PNG';
  if (mime === 'image/jpeg' && !text.startsWith('/9j/')) return 'is not a JPEG';
  return null;
}

/**
 * Reads a Jupyter notebook used as a post: Markdown cells are the prose, code cells the code,
 * image outputs the figures (a notebook output has no alt text; a caption is the Markdown cell
 * right after it when that cell starts like one). Lines are 1-based within each cell.
 */
export function readNotebookPost(text: string, truncated: boolean): RawPost | { error: string } {
  let nb: {
    cells?: unknown;
    metadata?: { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } };
  };
  try {
    nb = JSON.parse(text);
  } catch (err) {
    const why = truncated ? 'the notebook is larger than the read limit' : (err as Error).message;
    return { error: `not a readable notebook: ${why}` };
  }
  if (nb === null || typeof nb !== 'object' || !Array.isArray(nb.cells)) {
    return { error: 'not a readable notebook: no cells' };
  }
  const raw = emptyRaw('notebook');
  const language = String(
    nb.metadata?.kernelspec?.language ?? nb.metadata?.language_info?.name ?? 'python',
  ).toLowerCase();
  const cells = nb.cells as NbCell[];
  cells.forEach((cell, index) => {
    const source = joined(cell.source);
    if (cell.cell_type === 'markdown') {
      const read = readMarkdown(source, 0, index);
      raw.blocks.push(...read.blocks);
      raw.footnotes += read.footnotes;
      return;
    }
    if (cell.cell_type !== 'code') return;
    if (source.trim() !== '')
      raw.blocks.push({ kind: 'code', lang: language, fenced: true, content: source, line: 1, cell: index });
    const outputs = Array.isArray(cell.outputs) ? cell.outputs : [];
    outputs.forEach((out: unknown, o) => {
      const data = (out as { data?: Record<string, unknown> } | null)?.data;
      if (!data || typeof data !== 'object') return;
      const mime = Object.keys(data).find((m) => m.startsWith('image/'));
      if (!mime) return;
      const problem = imageOutputProblem(mime, data[mime]);
      if (problem) {
        raw.problems.push(
          `cell ${index + 1}, output ${o + 1}: the ${mime} image output ${problem}; it was skipped`,
        );
        return;
      }
      const next = cells[index + 1];
      const after = next?.cell_type === 'markdown' ? joined(next.source).trim() : '';
      const caption = /^(\*|_|fig(ure)?\.?\s*\d)/i.test(after)
        ? after.split('\n')[0]!.replace(/^[*_]+|[*_]+$/g, '')
        : null;
      raw.blocks.push({
        kind: 'paragraph',
        text: '',
        links: [],
        images: [{ src: `${mime} output`, alt: '', caption, line: 1 }],
        line: 1,
        cell: index,
      });
    });
  });
  const titled = raw.blocks.find((b) => b.kind === 'heading' && b.level === 1);
  raw.pageTitle = titled && titled.kind === 'heading' ? titled.text : null;
  return raw;
}
