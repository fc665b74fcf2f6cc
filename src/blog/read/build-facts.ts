import type { PostClaim, PostCodeBlock, PostFacts, PostImage, PostLink, PostParagraph } from '../types.js';
import { claimKind, hasInlineCitation } from './claims.js';
import { metaList, metaString } from './front-matter.js';
import { classifyLink, handlesFromMeta, hostOf } from './links.js';
import { analyseProse } from './prose.js';
import { resolvePythonBlocks } from './python-names.js';
import type { RawPost } from './raw.js';
import { classifySection } from './sections.js';

/** Words a reader gets through in a minute (the figure Medium uses). */
export const WORDS_PER_MINUTE = 238;

const CODE_PICTURE = /(carbon|ray-?so|code|snippet|screenshot|screen[-_ ]?shot|terminal|console)/i;
const PYTHON_LANGS = new Set(['python', 'py', 'python3', 'ipython', 'ipython3', 'pycon']);
const PROMPT = /^\s*(\$ |>>> ?|\.\.\. |In \[\d*\]: ?|PS [A-Z]:\\[^>]*> |[A-Z]:\\[^>]*> |\(\w+\) \$ )/;
const SHELL_LANGS = new Set([
  '',
  'bash',
  'sh',
  'shell',
  'console',
  'zsh',
  'text',
  'python',
  'py',
  'pycon',
  'powershell',
]);
const JEKYLL_DATE = /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]+$/;

export interface BuildContext {
  /** Extra accounts known to be the author's (from other posts of the same blog). */
  handles?: readonly string[];
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function looksLikeCodePicture(src: string, alt: string): boolean {
  const name = src.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return CODE_PICTURE.test(name) || /\b(screenshot of|code snippet|snippet of code)\b/i.test(alt);
}

function promptsOf(content: string, lang: string, firstLine: number): PostCodeBlock['prompts'] {
  if (!SHELL_LANGS.has(lang)) return [];
  const out: PostCodeBlock['prompts'] = [];
  content.split('\n').forEach((line, i) => {
    const m = PROMPT.exec(line);
    if (!m) return;
    // `... ` alone is a Python continuation only after a `>>> `; `$ ` in a shell block is what a shell prints too.
    if (m[1]!.startsWith('...') && !content.includes('>>>')) return;
    out.push({ line: firstLine + i, prompt: m[1]!.trim() });
  });
  return out;
}

/** Derives everything the checks read from what a format reader collected. */
export async function buildFacts(path: string, raw: RawPost, ctx: BuildContext = {}): Promise<PostFacts> {
  const meta = raw.meta;
  const handles = new Set([...handlesFromMeta(meta), ...(ctx.handles ?? [])]);
  const siteHost = hostOf(metaString(meta, 'canonical_url', 'url', 'site') ?? '');
  const author = metaString(meta, 'author', 'authors') ?? raw.pageAuthor;

  const headingBlocks = raw.blocks.filter((b) => b.kind === 'heading');
  let title = metaString(meta, 'title') ?? raw.pageTitle;
  let titleLine: number | null = title !== null ? 1 : null;
  const firstH1 = headingBlocks.find((h) => h.level === 1);
  if (title === null && firstH1) {
    title = firstH1.text;
    titleLine = firstH1.line;
  }
  const headings = headingBlocks
    .filter((h) => !(h === firstH1 && h.text.trim() === title?.trim()))
    .map((h) => ({
      level: h.level,
      text: h.text,
      line: h.line,
      ...(h.cell !== undefined ? { cell: h.cell } : {}),
    }));

  const proseBlocks = raw.blocks.filter((b) => b.kind === 'paragraph');
  const { perParagraph, stats } = analyseProse(proseBlocks.map((b) => b.text));
  const paragraphs: PostParagraph[] = [];
  const links: PostLink[] = [];
  const images: PostImage[] = [];
  const claims: PostClaim[] = [];
  proseBlocks.forEach((b, i) => {
    const prose = perParagraph[i]!;
    const cell = b.cell !== undefined ? { cell: b.cell } : {};
    if (prose.words > 0) {
      paragraphs.push({
        text: b.text,
        words: prose.words,
        longestSentence: Math.max(0, ...prose.sentences),
        line: b.line,
        ...cell,
      });
    }
    const cited = b.links.some((l) => hostOf(l.url) !== null) || hasInlineCitation(b.text);
    for (const sentence of prose.texts) {
      const kind = claimKind(sentence);
      if (kind) claims.push({ text: sentence.slice(0, 200), kind, cited, line: b.line, ...cell });
    }
    for (const l of b.links) {
      const sentence = prose.texts.find((s) => l.text !== '' && s.includes(l.text)) ?? b.text;
      links.push({
        url: l.url,
        text: l.text,
        line: l.line,
        ...cell,
        ...classifyLink(l.url, l.text, sentence, { handles, siteHost }),
      });
    }
    for (const img of b.images) {
      images.push({ ...img, ...cell, looksLikeCode: looksLikeCodePicture(img.src, img.alt) });
    }
  });

  // A notebook the post embeds is published with it: the reader can download and run the author's work.
  for (const e of raw.embedded) {
    links.push({ url: e.path, text: 'embedded notebook', line: e.line, kind: 'own-work', host: null });
  }

  const codeRaw = raw.blocks.filter((b) => b.kind === 'code');
  const codeBlocks: PostCodeBlock[] = codeRaw.map((b) => {
    // Fenced content starts on the line after the fence; notebook cells and indented code on their own line.
    const first = b.fenced && b.cell === undefined && raw.format !== 'html' ? b.line + 1 : b.line;
    return {
      lang: b.lang,
      fenced: b.fenced,
      content: b.content,
      line: b.line,
      ...(b.cell !== undefined ? { cell: b.cell } : {}),
      prompts: promptsOf(b.content, b.lang, first),
    };
  });
  const python = codeBlocks
    .map((b, i) => ({
      b,
      first: codeRaw[i]!.fenced && b.cell === undefined && raw.format !== 'html' ? b.line + 1 : b.line,
    }))
    .filter(({ b }) => PYTHON_LANGS.has(b.lang));
  const names = await resolvePythonBlocks(
    python.map(({ b, first }) => ({ content: b.content, firstLine: first })),
  );
  python.forEach(({ b }, i) => {
    const n = names[i]!;
    b.unresolved = n.unresolved;
    b.syntaxError = n.syntaxError;
  });

  const language = stats.words < 30 ? 'unknown' : stats.englishStopRatio < 0.18 ? 'other' : 'en';
  return {
    path,
    format: raw.format,
    title,
    titleLine,
    date:
      isoDate(metaString(meta, 'date', 'published', 'pubDate')) ??
      isoDate(raw.pageDate) ??
      isoDate(JEKYLL_DATE.exec(path)?.[1] ?? null),
    author,
    tags: metaList(meta, 'tags', 'categories', 'keywords'),
    language,
    paragraphs,
    headings,
    sections: headings.map((h) => ({
      title: h.text,
      kind: classifySection(h.text),
      line: h.line,
      ...(h.cell !== undefined ? { cell: h.cell } : {}),
    })),
    links,
    images,
    codeBlocks,
    footnotes: raw.footnotes,
    claims,
    ownHandles: [...handles].sort(),
    words: stats.words,
    readingMinutes: Math.max(1, Math.round(stats.words / WORDS_PER_MINUTE)),
    prose: stats,
    truncated: raw.truncated,
    problems: raw.problems,
    embedsMissing: raw.embedsMissing,
  };
}
