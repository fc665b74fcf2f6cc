import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { emptyRaw, type RawBlock, type RawImage, type RawLink, type RawPost } from './raw.js';

/** Fewer words than this in the extracted body means the page had no article, only chrome. */
const MIN_ARTICLE_WORDS = 40;

/**
 * Finds the line of a piece of text in the page source. Readability rebuilds the article, so
 * positions are recovered by searching forward from the last match: good enough to point at a
 * paragraph, never worse than the previous paragraph's line.
 */
class LineLocator {
  private pos = 0;
  private line = 1;
  constructor(private readonly source: string) {}

  find(...needles: string[]): number {
    for (const raw of needles) {
      const needle = raw.trim().slice(0, 40);
      if (needle.length < 4) continue;
      const at = this.source.indexOf(needle, this.pos);
      if (at < 0) continue;
      for (let i = this.pos; i < at; i++) if (this.source.charCodeAt(i) === 10) this.line++;
      this.pos = at;
      return this.line;
    }
    return this.line;
  }
}

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function langOf(el: Element): string {
  const classes = `${el.getAttribute('class') ?? ''} ${el.querySelector('code')?.getAttribute('class') ?? ''}`;
  const m = /(?:language|lang|highlight-source|brush:)-?\s*([\w+#-]+)/i.exec(classes);
  return m ? m[1]!.toLowerCase() : (el.getAttribute('data-lang') ?? '').toLowerCase();
}

function metaContent(doc: Document, ...selectors: string[]): string | null {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim() !== '') return v.trim();
  }
  return null;
}

/** Reads a saved page: Readability picks the article body (dropping navigation and sidebars). */
export function readHtml(source: string, truncated: boolean): RawPost | { error: string } {
  const raw = emptyRaw('html');
  raw.truncated = truncated;
  const { document } = parseHTML(source);
  const doc = document as unknown as Document;
  raw.pageDate = metaContent(
    doc,
    'meta[property="article:published_time"]',
    'time[datetime]',
    'meta[name="date"]',
  );
  raw.pageAuthor = metaContent(doc, 'meta[name="author"]', 'meta[property="article:author"]');
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc, { charThreshold: 200, keepClasses: true }).parse();
  } catch (err) {
    return {
      error: `the page could not be read as an article: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const words = (article?.textContent ?? '').split(/\s+/).filter((w) => w !== '').length;
  if (!article?.content || words < MIN_ARTICLE_WORDS) {
    return { error: 'no article body found in this HTML page (only navigation, or too little text)' };
  }
  raw.pageTitle = article.title?.trim() || null;
  raw.pageAuthor ??= article.byline?.trim() || null;
  raw.pageDate ??= article.publishedTime ?? null;
  const body = (parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as Document)
    .body;
  const locate = new LineLocator(source);
  walk(body, raw.blocks, locate);
  raw.footnotes = body.querySelectorAll(
    '.footnotes li, .footnote, [role="doc-endnote"], sup a[href^="#fn"]',
  ).length;
  return raw;
}

function linksIn(el: Element, line: number): RawLink[] {
  return [...el.querySelectorAll('a[href]')].map((a) => ({
    url: a.getAttribute('href') ?? '',
    text: textOf(a),
    line,
  }));
}

function imagesIn(el: Element, locate: LineLocator): RawImage[] {
  const images = el.tagName === 'IMG' ? [el] : [...el.querySelectorAll('img')];
  return images.map((img) => {
    const fig = img.closest('figure');
    const cap = fig?.querySelector('figcaption');
    const src = img.getAttribute('src') ?? img.getAttribute('data-src') ?? '';
    return {
      src,
      alt: img.getAttribute('alt') ?? '',
      caption: cap ? textOf(cap) || null : null,
      line: locate.find(src),
    };
  });
}

function walk(parent: Element, blocks: RawBlock[], locate: LineLocator): void {
  for (const el of [...parent.children]) {
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) {
      const text = textOf(el);
      blocks.push({ kind: 'heading', level: Number(tag[1]), text, line: locate.find(text) });
    } else if (tag === 'PRE') {
      const content = el.textContent ?? '';
      blocks.push({
        kind: 'code',
        lang: langOf(el),
        fenced: true,
        content,
        line: locate.find(...content.split('\n')),
      });
    } else if (
      tag === 'P' ||
      tag === 'LI' ||
      tag === 'FIGURE' ||
      tag === 'IMG' ||
      (tag === 'BLOCKQUOTE' && el.querySelector('p') === null)
    ) {
      const text = tag === 'FIGURE' ? '' : textOf(el);
      const line = locate.find(text, el.querySelector('img')?.getAttribute('src') ?? '');
      const images = imagesIn(el, locate);
      if (text === '' && images.length === 0) continue;
      blocks.push({ kind: 'paragraph', text, links: linksIn(el, line), images, line });
      if (tag === 'LI')
        for (const nested of el.querySelectorAll(':scope > ul, :scope > ol')) walk(nested, blocks, locate);
    } else {
      walk(el, blocks, locate);
    }
  }
}
