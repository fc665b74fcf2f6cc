import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What a saved job page gives: the posting's text with its list structure, and who posted it. */
export interface PageAd {
  text: string;
  title: string | null;
  company: string | null;
  source: 'json-ld' | 'article';
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'ul',
  'ol',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'br',
  'hr',
]);
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'footer',
  'aside',
  'form',
  'button',
  'iframe',
]);

/**
 * Text of an HTML fragment with its structure kept as lines: a list item becomes a `• ` line, a
 * heading or a paragraph its own line. The splitter downstream relies on those lines.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (DROP.has(tag)) return;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    if (tag === 'li') out.push('• ');
    const heading = /^h[1-6]$/.test(tag);
    for (const child of Array.from(node.childNodes)) walk(child);
    if (heading) out.push(':');
    if (block) out.push('\n');
  };
  walk(document.body as unknown as Node);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .map((l) => l.replace(/::$/, ':').replace(/^:$/, ''))
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function typesOf(node: { [k: string]: Json }): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every object in a JSON-LD tree, `@graph`s and arrays included. */
function objects(root: Json, out: { [k: string]: Json }[] = []): { [k: string]: Json }[] {
  if (Array.isArray(root)) for (const x of root) objects(x, out);
  else if (root !== null && typeof root === 'object') {
    out.push(root);
    for (const value of Object.values(root)) if (typeof value === 'object') objects(value, out);
  }
  return out;
}

function nameOf(value: Json | undefined, all: { [k: string]: Json }[]): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (typeof value.name === 'string') return value.name.trim() || null;
    const ref = value['@id'];
    if (typeof ref === 'string') {
      const target = all.find((o) => o['@id'] === ref && typeof o.name === 'string');
      if (target) return String(target.name).trim();
    }
  }
  return null;
}

/** JSON-LD blocks are often hand-written: strip comments and CDATA, and try once more without control characters. */
function parseJsonLd(raw: string): Json | null {
  const cleaned = raw
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, '')
    .trim();
  for (const attempt of [cleaned, cleaned.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(attempt) as Json;
    } catch {
      // next attempt
    }
  }
  return null;
}

/** A description is HTML, sometimes escaped a second time (`&lt;br&gt;`): unescape until it is text. */
function descriptionText(description: string): string {
  let text = htmlToText(description);
  if (/<\/?(p|br|li|ul|div|strong|b)\b/i.test(text)) text = htmlToText(text);
  return text;
}

/** The JSON-LD blocks of a page, found without parsing the page (a large page takes seconds). */
function jsonLdBlocks(html: string): string[] {
  // Script content is raw text in HTML: no entities to decode.
  return [...html.matchAll(/<script\b[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script\s*>/gi)].map(
    (m) => m[1]!,
  );
}

function fromJsonLd(html: string): PageAd | null {
  for (const block of jsonLdBlocks(html)) {
    const json = parseJsonLd(block);
    if (json === null) continue;
    const all = objects(json);
    const posting = all.find((o) => typesOf(o).includes('JobPosting'));
    if (!posting) continue;
    const parts = [
      'description',
      'qualifications',
      'skills',
      'experienceRequirements',
      'educationRequirements',
    ]
      .map((k) => posting[k])
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (parts.length === 0) continue;
    // `description` is the employer's text; the structured fields are added only when the
    // description does not already carry them (some sites generate them from the title).
    const main = descriptionText(parts[0]!);
    const extra = parts
      .slice(1)
      .map(descriptionText)
      .filter((p) => !main.includes(p.slice(0, 60)));
    return {
      text: [main, ...extra].join('\n'),
      title: typeof posting.title === 'string' ? posting.title.trim() : null,
      company: nameOf(posting.hiringOrganization, all),
      source: 'json-ld',
    };
  }
  return null;
}

/**
 * The posting on a saved job page: the schema.org JobPosting's description when the page has
 * one, else the main article as Readability finds it (menus, sidebars, banners and footers
 * dropped). Null when the page has neither.
 */
/**
 * A page without what can never hold the posting: comments, scripts (JSON-LD kept), styles,
 * inline SVG, templates, menus, sidebars and footers. Saved pages are mostly these; parsing them
 * costs seconds and hundreds of megabytes on a large page.
 */
export function slimPage(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attrs: string) =>
      /application\/ld\+json/i.test(attrs) ? whole : '',
    )
    .replace(
      /<(style|svg|noscript|template|iframe|nav|aside|footer|form|select)\b[^>]*>[\s\S]*?<\/\1\s*>/gi,
      '',
    );
}

/** Pages this large after slimming are read through their `<article>` or `<main>` only. */
const LARGE_PAGE = 1024 * 1024;

export function readJobPage(html: string): PageAd | null {
  let slim = slimPage(html);
  const ld = fromJsonLd(slim);
  if (ld) return ld;
  if (slim.length > LARGE_PAGE) {
    const main =
      /<article\b[^>]*>[\s\S]*<\/article\s*>/i.exec(slim)?.[0] ??
      /<main\b[^>]*>[\s\S]*<\/main\s*>/i.exec(slim)?.[0];
    const head = /<head\b[^>]*>[\s\S]*?<\/head\s*>/i.exec(slim)?.[0] ?? '';
    if (main && main.length < slim.length) slim = `<html>${head}<body>${main}</body></html>`;
  }
  const { document } = parseHTML(slim);
  const doc = document as unknown as Document;
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
  if (!article?.content) return null;
  const title =
    doc.querySelector('h1')?.textContent?.trim() ||
    article.title?.trim() ||
    doc.querySelector('title')?.textContent?.trim() ||
    null;
  const company = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || null;
  return { text: htmlToText(article.content), title, company, source: 'article' };
}
