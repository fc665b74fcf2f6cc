import MarkdownIt from 'markdown-it';

import type { RawBlock, RawImage, RawLink } from './raw.js';

const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof md.parse>[number];

const FOOTNOTE_DEF = /^\[\^[^\]]+\]:/gm;
const HTML_IMG = /<img\b[^>]*>/gi;
const FIGCAPTION = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i;
const CAPTION_START = /^(\*|_|fig(ure)?\.?\s*\d|source:|caption:)/i;
/** Quarto / Pandoc attributes after an image: `{#fig-x fig-alt="…"}`. */
const ATTR_ALT = /^\s*\{[^}]*\bfig-alt=["']([^"']*)["'][^}]*\}/;

export interface MarkdownRead {
  blocks: RawBlock[];
  footnotes: number;
}

function attr(html: string, name: string): string {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(html);
  return m ? (m[1] ?? m[2] ?? '') : '';
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function htmlImages(html: string, line: number): RawImage[] {
  const caption = FIGCAPTION.exec(html);
  return [...html.matchAll(HTML_IMG)].map((m) => ({
    src: attr(m[0], 'src'),
    alt: attr(m[0], 'alt'),
    caption: caption ? stripTags(caption[1]!) : null,
    line: line + html.slice(0, m.index).split('\n').length - 1,
  }));
}

/** Text, links and images of an inline token run; lines advance at each soft or hard break. */
function readInline(children: Token[], firstLine: number, quarto: boolean) {
  const links: RawLink[] = [];
  const images: RawImage[] = [];
  let text = '';
  let line = firstLine;
  let open: { url: string; text: string; line: number } | null = null;
  for (let i = 0; i < children.length; i++) {
    const t = children[i]!;
    switch (t.type) {
      case 'softbreak':
      case 'hardbreak':
        line++;
        text += ' ';
        break;
      case 'text':
      case 'code_inline':
        text += t.content;
        if (open) open.text += t.content;
        break;
      case 'link_open':
        open = { url: String(t.attrGet('href') ?? ''), text: '', line };
        break;
      case 'link_close':
        if (open) links.push(open);
        open = null;
        break;
      case 'image': {
        let alt = t.content;
        let caption: string | number | null = t.attrGet('title');
        const next = children[i + 1];
        const attrs = quarto && next?.type === 'text' ? ATTR_ALT.exec(next.content) : null;
        if (attrs) {
          // In Quarto the bracket text is the caption and fig-alt the alt text.
          caption = alt || null;
          alt = attrs[1]!;
        }
        images.push({
          src: String(t.attrGet('src') ?? ''),
          alt,
          caption: caption ? String(caption) : null,
          line,
        });
        break;
      }
      case 'html_inline':
        images.push(...htmlImages(t.content, line));
        break;
    }
  }
  return { text: text.trim(), links, images, line };
}

/**
 * Reads Markdown into blocks with file line numbers (`lineOffset` counts lines taken by front
 * matter). A short italic or "Figure N" paragraph right after a picture is that picture's caption.
 */
export function readMarkdown(body: string, lineOffset: number, cell?: number, quarto = false): MarkdownRead {
  const tokens = md.parse(body, {});
  const blocks: RawBlock[] = [];
  const at = (t: Token) => ({
    line: (t.map?.[0] ?? 0) + 1 + lineOffset,
    ...(cell !== undefined ? { cell } : {}),
  });
  let lastImageBlock: (RawBlock & { kind: 'paragraph' }) | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      blocks.push({
        kind: 'heading',
        level: Number(t.tag.slice(1)),
        text: inline?.content.trim() ?? '',
        ...at(t),
      });
      lastImageBlock = null;
    } else if (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
      const where = at(tokens[i - 1]!);
      const read = readInline(t.children ?? [], where.line, quarto);
      if (FOOTNOTE_DEF.test(t.content)) {
        FOOTNOTE_DEF.lastIndex = 0;
        continue;
      }
      if (
        lastImageBlock &&
        read.images.length === 0 &&
        CAPTION_START.test(t.content) &&
        read.text.split(/\s+/).length <= 60
      ) {
        for (const img of lastImageBlock.images) img.caption ??= read.text.replace(/^[*_]+|[*_]+$/g, '');
        lastImageBlock = null;
        continue;
      }
      const block = {
        kind: 'paragraph' as const,
        text: read.text,
        links: read.links,
        images: read.images,
        ...where,
      };
      // Text after a picture in the same paragraph is its caption (`![a](x.png)\n*Figure 1: …*`).
      if (read.images.length === 1 && read.images[0]!.caption === null) {
        const rest = read.text.replace(read.images[0]!.alt, '').trim();
        if (rest !== '' && CAPTION_START.test(t.content.split('\n').slice(1).join('\n').trim()))
          read.images[0]!.caption = rest;
      }
      blocks.push(block);
      lastImageBlock = read.images.length > 0 ? block : null;
    } else if (t.type === 'fence' || t.type === 'code_block') {
      const lang =
        t.type === 'fence'
          ? (t.info.trim().split(/[\s{]/)[0] ?? '').replace(/^\{|\}$/g, '').toLowerCase()
          : '';
      blocks.push({ kind: 'code', lang, fenced: t.type === 'fence', content: t.content, ...at(t) });
      lastImageBlock = null;
    } else if (t.type === 'html_block') {
      const images = htmlImages(t.content, at(t).line);
      const text = stripTags(t.content);
      if (images.length > 0 || text !== '') {
        blocks.push({ kind: 'paragraph', text: images.length > 0 ? '' : text, links: [], images, ...at(t) });
      }
    }
  }
  const footnotes = (body.match(FOOTNOTE_DEF) ?? []).length;
  return { blocks, footnotes };
}
