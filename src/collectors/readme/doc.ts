/**
 * A README reduced to what the analysis needs, whatever its source format. Parsers (Markdown,
 * RST, plain text) fill it; `analyse.ts` turns it into facts. Lines are 1-based.
 */
export interface DocHeading {
  title: string;
  level: number;
  line: number;
}

export interface DocText {
  text: string;
  line: number;
}

export interface DocTable {
  header: string[];
  rows: { cells: string[]; line: number }[];
  line: number;
}

export interface ReadmeDoc {
  headings: DocHeading[];
  /** Prose, one entry per source line (headings excluded), in order. */
  prose: DocText[];
  /** Whole paragraphs of prose, for the intro. */
  paragraphs: DocText[];
  links: { url: string; text: string; line: number }[];
  /** Every image, badges included; analysis separates them. */
  images: { src: string; alt: string; line: number; linked: boolean }[];
  codeBlocks: { lang: string; line: number; content: string }[];
  inlineCode: DocText[];
  tables: DocTable[];
}

export function emptyDoc(): ReadmeDoc {
  return {
    headings: [],
    prose: [],
    paragraphs: [],
    links: [],
    images: [],
    codeBlocks: [],
    inlineCode: [],
    tables: [],
  };
}

/** `<img src="…" alt="…">` inside raw HTML; attribute order varies. */
export function htmlImages(html: string, line: number): { src: string; alt: string; line: number }[] {
  const found: { src: string; alt: string; line: number }[] = [];
  const tags = html.match(/<img\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const src = attribute(tag, 'src');
    if (src) found.push({ src, alt: attribute(tag, 'alt') ?? '', line });
  }
  return found;
}

export function htmlLinks(html: string, line: number): { url: string; text: string; line: number }[] {
  const found: { url: string; text: string; line: number }[] = [];
  for (const m of html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = attribute(m[0], 'href');
    if (href) found.push({ url: href, text: (m[1] ?? '').replace(/<[^>]*>/g, '').trim(), line });
  }
  return found;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}
