import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { describeError } from '../../errors.js';
import { decodeText } from '../../source/text-decoding.js';
import { readJobPage } from './html.js';
import { languageProblem } from './language.js';

/** Words without which a page's article is not a job posting (a blog post, a 404 page). */
const POSTING_CUE =
  /\b(experience (with|in)|requirements?|qualifications?|responsibilit\w*|skills|degree|you will|you'll|we are looking for|we're looking for|the role|apply)\b/i;

/** An ad is a page of text; anything much bigger is not one, and is read only this far. */
export const MAX_AD_BYTES = 2 * 1024 * 1024;
/**
 * A saved job page carries its scripts, styles and menus: often several megabytes around a posting
 * of a few kilobytes, which may sit at the end. Pages are read this far, then slimmed.
 */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

export interface AdText {
  path: string;
  text: string;
  title: string | null;
  company: string | null;
  source: 'json-ld' | 'article' | 'text';
}

export type AdRead = AdText | { path: string; error: string };

function looksHtml(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return true;
  return /^\s*(<!doctype html|<html\b)/i.test(text.slice(0, 500));
}

/** Markdown's own marks carry structure the splitter reads from plain lines: headings end with a colon. */
function fromMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) return `${heading[1]!.replace(/[*_]/g, '').replace(/:$/, '')}:`;
      return line
        .replace(/^(\s*)[*+-]\s+/, '$1• ')
        .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
    })
    .join('\n');
}

function titleOfText(text: string): string | null {
  const md = /^\s{0,3}#\s+(.+)$/m.exec(text);
  if (md) return md[1]!.trim();
  const first =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  // "Join the Mobile Future with Tapjoy Responsibilities": a slogan with a heading glued on, not a title.
  const line = first
    .replace(/^#+\s*/, '')
    .replace(/\s*\b(job )?(responsibilities|requirements|qualifications|description|overview|summary)$/i, '')
    .trim();
  const words = line.split(/\s+/).length;
  // "Primary Responsibilities" is a heading, not a title.
  if (line !== first.replace(/^#+\s*/, '').trim() && words < 2) return null;
  if (/^(join|we|we're|our|are you|do you|about|at|as|if|you|your|this|here|looking)\b/i.test(line))
    return null;
  return line !== '' && words <= 12 && !/[.:!?]$/.test(line) ? line : null;
}

function companyOfText(text: string): string | null {
  const m = /^\s*(?:company|employer|organi[sz]ation)\s*:\s*(.{2,80})$/im.exec(text);
  return m ? m[1]!.trim() : null;
}

/**
 * Reads one ad: plain text, Markdown, or a saved HTML job page. Never throws: what cannot be read
 * (missing, binary, empty, not English, a page without a posting) comes back as a clear error.
 */
export async function readAd(path: string): Promise<AdRead> {
  let bytes: Buffer;
  let truncated = false;
  // Synchronous reads: an ad is small, and many small async reads wait on a busy thread pool.
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { path, error: `${path} is a folder, not an ad` };
    if (!stat.isFile()) return { path, error: `${path} is not a file` };
    const limit = /\.(x?html?)$/i.test(path) ? MAX_PAGE_BYTES : MAX_AD_BYTES;
    const length = Math.min(stat.size, limit);
    truncated = stat.size > limit;
    bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, error: `${path} does not exist` };
    if (code === 'EISDIR') return { path, error: `${path} is a folder, not an ad` };
    return { path, error: `could not read ${path}: ${describeError(err)}` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const decoded = decodeText(bytes, truncated);
  if (decoded.encoding === 'binary') return { path, error: `${path} is a binary file, not a job ad` };
  return parseAd(path, decoded.text);
}

/** Turns the text of an ad file into the posting's text; errors say why it is not an ad. */
export function parseAd(path: string, raw: string): AdRead {
  if (raw.trim() === '') return { path, error: `${path} is empty` };
  let ad: AdText;
  if (looksHtml(path, raw)) {
    const page = readJobPage(raw);
    const pageWords = page ? page.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length : 0;
    if (!page || pageWords < 8 || (page.source === 'article' && !POSTING_CUE.test(page.text)))
      return {
        path,
        error: `${path}: no job posting found on this page (no JobPosting data and no main article)`,
      };
    ad = { path, ...page };
  } else {
    const isMarkdown = /\.(md|markdown)$/i.test(path) || /^\s{0,3}#{1,6}\s/m.test(raw);
    ad = {
      path,
      text: isMarkdown ? fromMarkdown(raw) : raw,
      title: titleOfText(raw),
      company: companyOfText(raw),
      source: 'text',
    };
  }
  const words = ad.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < 8) return { path, error: `${path}: too little text to be a job ad (${words} words)` };
  const language = languageProblem(ad.text);
  if (language) return { path, error: `${path}: ${language}` };
  return ad;
}
