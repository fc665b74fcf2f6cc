import { emptyDoc, type ReadmeDoc } from './doc.js';

const ADORNMENT = /^([=\-~^*#"'`:.+_])\1{2,}\s*$/;
const URL = /\bhttps?:\/\/[^\s<>`)\]]+/g;

/**
 * Best-effort reading of reStructuredText and plain-text READMEs: headings are lines under- (and
 * optionally over-) lined with punctuation, levels in order of first appearance as RST defines
 * them; `::` literal blocks and `.. code-block::` directives are code; `.. image::` are images.
 */
export function parsePlain(text: string, rst: boolean): ReadmeDoc {
  const doc = emptyDoc();
  const lines = text.split('\n');
  const styles: string[] = [];
  const paragraph = { text: '', line: 0 };
  const endParagraph = () => {
    if (paragraph.text.trim()) doc.paragraphs.push({ text: paragraph.text.trim(), line: paragraph.line });
    paragraph.text = '';
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    const next = lines[i + 1] ?? '';
    const lineNo = i + 1;

    // Overlined title: ===== / Title / =====
    if (ADORNMENT.test(trimmed) && lines[i + 2] !== undefined && (lines[i + 2] ?? '').trim() === trimmed) {
      const title = (lines[i + 1] ?? '').trim();
      if (title && !ADORNMENT.test(title)) {
        endParagraph();
        doc.headings.push({ title, level: levelOf(styles, `over${trimmed[0]}`), line: lineNo + 1 });
        i += 2;
        continue;
      }
    }
    if (
      trimmed &&
      !ADORNMENT.test(trimmed) &&
      ADORNMENT.test(next.trim()) &&
      next.trim().length >= Math.min(trimmed.length, 3)
    ) {
      endParagraph();
      doc.headings.push({ title: trimmed, level: levelOf(styles, `under${next.trim()[0]}`), line: lineNo });
      i += 1;
      continue;
    }

    const directive = rst ? /^\.\.\s+(code-block|code|sourcecode)::\s*(\S*)/.exec(trimmed) : null;
    const image = rst ? /^\.\.\s+(image|figure)::\s*(\S+)/.exec(trimmed) : null;
    if (image) {
      endParagraph();
      const alt = /^\s+:alt:\s*(.*)$/.exec(next)?.[1] ?? '';
      doc.images.push({ src: image[2] ?? '', alt, line: lineNo, linked: false });
      continue;
    }
    if (directive || (rst && trimmed.endsWith('::') && !trimmed.startsWith('..'))) {
      endParagraph();
      if (!directive) addProse(doc, trimmed.replace(/::$/, ':'), lineNo);
      const block = indentedBlock(lines, i + 1);
      if (block.content) {
        doc.codeBlocks.push({
          lang: directive?.[2]?.toLowerCase() ?? '',
          line: block.start + 1,
          content: block.content,
        });
      }
      i = block.end - 1;
      continue;
    }
    if (rst && trimmed.startsWith('..')) {
      endParagraph();
      continue;
    }
    if (!trimmed) {
      endParagraph();
      continue;
    }
    addProse(doc, raw, lineNo);
    if (!paragraph.text) paragraph.line = lineNo;
    paragraph.text += ` ${trimmed}`;
  }
  endParagraph();
  return doc;
}

function levelOf(styles: string[], style: string): number {
  let index = styles.indexOf(style);
  if (index < 0) index = styles.push(style) - 1;
  return Math.min(index + 1, 6);
}

/** The indented block after a `::` (blank lines allowed inside); returns 0-based start and end. */
function indentedBlock(lines: string[], from: number): { content: string; start: number; end: number } {
  let i = from;
  while (i < lines.length && !(lines[i] ?? '').trim()) i++;
  const start = i;
  const body: string[] = [];
  while (i < lines.length) {
    const l = lines[i] ?? '';
    if (l.trim() && !/^\s/.test(l)) break;
    if (l.trim().startsWith(':') && body.length === 0) {
      i++;
      continue; // directive options such as :linenos:
    }
    body.push(l);
    i++;
  }
  const content = dedent(body).replace(/\n+$/, '');
  return { content: content ? `${content}\n` : '', start, end: i };
}

function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

function addProse(doc: ReadmeDoc, text: string, line: number): void {
  doc.prose.push({ text, line });
  for (const m of text.matchAll(/`([^`<]+?)\s*<(https?:[^>]+)>`_/g)) {
    doc.links.push({ url: m[2] ?? '', text: (m[1] ?? '').trim(), line });
  }
  for (const m of text.matchAll(URL)) {
    if (!doc.links.some((l) => l.line === line && l.url === m[0]))
      doc.links.push({ url: m[0], text: m[0], line });
  }
  for (const m of text.matchAll(/``([^`]+)``/g)) doc.inlineCode.push({ text: m[1] ?? '', line });
}
