import type MarkdownIt from 'markdown-it';
import { lazyRequire } from '../../lazy-require.js';

import { emptyDoc, htmlImages, htmlLinks, type ReadmeDoc } from './doc.js';

// The CommonJS build: one file to load instead of the ES module's twenty, at every start.
const markdownIt = lazyRequire<typeof MarkdownIt>('markdown-it');
let md: InstanceType<typeof MarkdownIt> | undefined;
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** Parses Markdown with markdown-it and keeps its line maps (0-based there, 1-based here). */
export function parseMarkdown(text: string): ReadmeDoc {
  const doc = emptyDoc();
  md ??= new (markdownIt())({ html: true, linkify: true });
  const tokens = md.parse(text, {});
  let heading: { level: number; line: number } | null = null;
  let rowLine = 0;
  let table: ReadmeDoc['tables'][number] | null = null;
  let inHeaderRow = false;
  let row: string[] = [];

  for (const token of tokens) {
    const line = token.map ? token.map[0] + 1 : 0;
    switch (token.type) {
      case 'heading_open':
        heading = { level: Number(token.tag.slice(1)) || 1, line };
        break;
      case 'heading_close':
        heading = null;
        break;
      case 'table_open':
        table = { header: [], rows: [], line };
        break;
      case 'table_close':
        if (table) doc.tables.push(table);
        table = null;
        break;
      case 'thead_open':
        inHeaderRow = true;
        break;
      case 'thead_close':
        inHeaderRow = false;
        break;
      case 'tr_open':
        rowLine = line;
        row = [];
        break;
      case 'tr_close':
        if (table) {
          if (inHeaderRow) table.header = row;
          else table.rows.push({ cells: row, line: rowLine });
        }
        break;
      case 'fence':
      case 'code_block':
        doc.codeBlocks.push({
          lang: token.type === 'fence' ? (token.info.trim().split(/\s+/)[0] ?? '').toLowerCase() : '',
          // The fence line itself is `map[0]`; content starts on the next line.
          line: token.type === 'fence' ? line + 1 : line,
          content: token.content,
        });
        break;
      case 'html_block':
        doc.images.push(...htmlImages(token.content, line).map((i) => ({ ...i, linked: false })));
        doc.links.push(...htmlLinks(token.content, line));
        // `<h1 align="center">Title</h1>`: a heading written in HTML is still the README's heading.
        for (const h of token.content.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)) {
          const title = stripTags(h[2] ?? '')
            .replace(/\s+/g, ' ')
            .trim();
          if (title) doc.headings.push({ title, level: Number(h[1]), line });
        }
        addProse(
          doc,
          stripTags(token.content.replace(/<h([1-6])\b[^>]*>[\s\S]*?<\/h\1\s*>/gi, '')),
          line,
          false,
        );
        break;
      case 'inline': {
        const baseLine = token.map ? line : table ? rowLine : 0;
        const text = readInline(doc, token.children ?? [], baseLine);
        if (heading) {
          doc.headings.push({
            title: text.replace(/\s+/g, ' ').trim(),
            level: heading.level,
            line: heading.line,
          });
        } else if (table) {
          row.push(text.trim());
          addProse(doc, text, baseLine, false);
        } else {
          addProse(doc, text, baseLine, true);
        }
        break;
      }
    }
  }
  return doc;
}

/** Collects links, images and inline code from an inline token's children; returns its plain text. */
function readInline(doc: ReadmeDoc, children: Token[], startLine: number): string {
  let text = '';
  let line = startLine;
  const linkStack: { url: string; text: string; line: number; start: number }[] = [];
  // What a `<script>` or `<style>` element holds is code for a browser, never text a reader sees.
  let hidden = false;
  for (const child of children) {
    if (hidden && child.type !== 'html_inline') continue;
    switch (child.type) {
      case 'text':
        text += child.content;
        break;
      case 'code_inline':
        text += child.content;
        doc.inlineCode.push({ text: child.content, line });
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        line++;
        break;
      case 'link_open':
        linkStack.push({ url: String(child.attrGet('href') ?? ''), text: '', line, start: text.length });
        break;
      case 'link_close': {
        const open = linkStack.pop();
        if (open) doc.links.push({ url: open.url, text: text.slice(open.start).trim(), line: open.line });
        break;
      }
      case 'image':
        doc.images.push({
          src: String(child.attrGet('src') ?? ''),
          alt: child.content,
          line,
          linked: linkStack.length > 0,
        });
        break;
      case 'html_inline':
        if (/^<(script|style)\b/i.test(child.content)) hidden = !/\/>$/.test(child.content);
        else if (/^<\/(script|style)\s*>/i.test(child.content)) hidden = false;
        if (hidden) break;
        for (const image of htmlImages(child.content, line)) {
          doc.images.push({ ...image, linked: linkStack.length > 0 });
        }
        doc.links.push(...htmlLinks(child.content, line));
        break;
    }
  }
  return text;
}

function addProse(doc: ReadmeDoc, text: string, line: number, paragraph: boolean): void {
  const lines = text.split('\n');
  lines.forEach((t, i) => {
    if (t.trim()) doc.prose.push({ text: t, line: line + i });
  });
  if (paragraph && text.trim()) doc.paragraphs.push({ text: text.replace(/\s+/g, ' ').trim(), line });
}

function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<[^>]*>/g, '');
}
