import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { describeError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { RepoFiles } from '../source/repo-files.js';
import { buildFacts } from './read/build-facts.js';
import { splitFrontMatter } from './read/front-matter.js';
import { readHtml } from './read/html.js';
import { readMarkdown } from './read/markdown.js';
import { readNotebookPost } from './read/notebook.js';
import { emptyRaw, type RawBlock, type RawPost } from './read/raw.js';
import type { PostFacts, PostFormat } from './types.js';

export type { PostFacts } from './types.js';

/** Bytes read from one post; a post longer than this is reviewed on what was read, and says so. */
export const MAX_POST_BYTES = 1024 * 1024;
/** A notebook post carries its figures inline, so it may be larger. */
export const MAX_NOTEBOOK_POST_BYTES = 16 * 1024 * 1024;
/** Posts taken from one folder. */
export const MAX_POSTS = 5_000;

/** One post as read: its facts, or why it could not be reviewed. */
export interface LoadedPost {
  /** The path as the user would name it. */
  path: string;
  facts: PostFacts | null;
  /** Why the post was not reviewed (binary, empty, no article body, another language …). */
  error: string | null;
  /** The post is fine but outside what the checks can judge (another language); not scored, not bad. */
  unsupported: boolean;
}

const FORMATS: Record<string, PostFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.qmd': 'quarto',
  '.rmd': 'quarto',
  '.html': 'html',
  '.htm': 'html',
  '.ipynb': 'notebook',
};

export function postFormat(path: string): PostFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

function failed(path: string, error: string, unsupported = false): LoadedPost {
  return { path, facts: null, error, unsupported };
}

/** Turns the text of a post into its raw blocks, by format. */
function readRaw(format: PostFormat, text: string, truncated: boolean): RawPost | { error: string } {
  if (format === 'html') return readHtml(text, truncated);
  if (format === 'notebook') return readNotebookPost(text, truncated);
  const fm = splitFrontMatter(text);
  const raw = emptyRaw(format);
  raw.meta = fm.meta;
  raw.truncated = truncated;
  if (fm.error) raw.problems.push(fm.error);
  const read = readMarkdown(fm.body, fm.lineOffset, undefined, format === 'quarto');
  raw.blocks = read.blocks;
  raw.footnotes = read.footnotes;
  return raw;
}

/** Reads one post through `files` (bounded, never following a symlink). Never throws. */
export async function loadPost(
  files: RepoFiles,
  rel: string,
  shownAs: string,
  handles: readonly string[] = [],
): Promise<LoadedPost> {
  const format = postFormat(rel);
  if (!format)
    return failed(
      shownAs,
      `not a post: ${extname(rel) || 'no extension'} is not Markdown, Quarto, HTML or a notebook`,
    );
  try {
    const cap = format === 'notebook' ? MAX_NOTEBOOK_POST_BYTES : MAX_POST_BYTES;
    const read = await files.readText(rel, cap);
    if (read.encoding === 'binary') return failed(shownAs, 'binary file, not a post');
    if (read.text.trim() === '') return failed(shownAs, 'empty post: nothing to review');
    const raw = readRaw(format, read.text, read.truncated);
    if ('error' in raw) return failed(shownAs, raw.error);
    if (format !== 'html' && format !== 'notebook') await inlineNotebookEmbeds(raw, rel, files);
    if (read.truncated) raw.problems.push(`only the first ${cap} bytes of ${read.size} were read`);
    const facts = await buildFacts(shownAs, raw, { handles });
    if (facts.words === 0 && facts.codeBlocks.length === 0 && facts.images.length === 0) {
      return failed(shownAs, 'empty post: no prose, code or pictures after the front matter');
    }
    if (facts.language === 'other') {
      return failed(
        shownAs,
        'written in a language other than English: not supported yet, so not scored',
        true,
      );
    }
    return { path: shownAs, facts, error: null, unsupported: false };
  } catch (err) {
    return failed(shownAs, describeError(err));
  }
}

const SKIP_DIRS = new Set([
  'node_modules',
  '_site',
  'public',
  '.quarto',
  '_freeze',
  'vendor',
  'assets',
  'static',
  'images',
  'img',
  'resources',
  'site-packages',
  '__pycache__',
]);
const NOT_POSTS =
  /^(readme|license|licence|changelog|contributing|code_of_conduct|about|404|search|tags|categories|archive|_index)\.[^.]+$/i;

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which folders of a blog hold its posts: Jekyll `_posts/`, Hugo `content/`, a Medium export's
 * `posts/`; otherwise the whole folder (Quarto and plain folders of Markdown).
 */
async function postRoots(root: string): Promise<string[]> {
  if (await exists(join(root, '_posts'))) return ['_posts'];
  const hugo = (
    await Promise.all(
      ['hugo.toml', 'hugo.yaml', 'config.toml', 'config.yaml'].map((f) => exists(join(root, f))),
    )
  ).some(Boolean);
  if (hugo && (await exists(join(root, 'content')))) return ['content'];
  if ((await exists(join(root, 'profile'))) && (await exists(join(root, 'posts')))) return ['posts'];
  return [''];
}

/** Post files under a blog folder, repository-relative, sorted; symlinks and hidden folders are skipped. */
export async function findPosts(root: string): Promise<{ files: string[]; truncated: boolean }> {
  const found: string[] = [];
  let truncated = false;
  const visit = async (rel: string, depth: number): Promise<void> => {
    if (depth > 12 || truncated) return;
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.isSymbolicLink()) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name.toLowerCase())) await visit(path, depth + 1);
      } else if (e.isFile() && postFormat(e.name) && !NOT_POSTS.test(e.name) && !/^draft_/i.test(e.name)) {
        if (rel === '' && /^index\./i.test(e.name)) continue;
        if (found.length >= MAX_POSTS) {
          truncated = true;
          return;
        }
        found.push(path);
      }
    }
  };
  for (const start of await postRoots(root)) await visit(start, 0);
  return { files: found, truncated };
}

export interface ReadPostsResult {
  posts: LoadedPost[];
  /** Whole-run notes (a folder with more posts than the cap, a path that does not exist). */
  notes: string[];
}

/**
 * Reads every post named: files are read as posts, folders searched for posts. A post that
 * cannot be read is recorded with its reason; the others are still read.
 */
export async function readPosts(
  inputs: readonly string[],
  limits: Limits = DEFAULT_LIMITS,
): Promise<ReadPostsResult> {
  const posts: LoadedPost[] = [];
  const notes: string[] = [];
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(input);
    } catch {
      posts.push(failed(input, `no such file or folder: ${input}`));
      continue;
    }
    if (info.isSymbolicLink()) {
      posts.push(failed(input, 'a symlink; not followed'));
      continue;
    }
    if (info.isDirectory()) {
      const files = await RepoFiles.open(input, limits).catch((err: unknown) => err);
      if (!(files instanceof RepoFiles)) {
        posts.push(failed(input, describeError(files)));
        continue;
      }
      const { files: found, truncated } = await findPosts(files.root);
      if (truncated)
        notes.push(`${input}: more than ${MAX_POSTS} posts; the first ${MAX_POSTS} were reviewed`);
      if (found.length === 0) notes.push(`${input}: no posts found (Markdown, Quarto, HTML or notebooks)`);
      const handles = await siteHandles(files, input);
      for (const rel of found) {
        posts.push(await loadPost(files, rel, join(input, rel.split('/').join(sep)), handles));
      }
      continue;
    }
    const files = await RepoFiles.open(dirname(input), limits).catch((err: unknown) => err);
    if (!(files instanceof RepoFiles)) {
      posts.push(failed(input, describeError(files)));
      continue;
    }
    posts.push(await loadPost(files, basename(input), input));
  }
  return { posts, notes };
}

/** Pelican's liquid tag (also used by other static-site plugins): `{% notebook path.ipynb cells[2:] %}`. */
const NOTEBOOK_EMBED = /^\{%\s*notebook\s+(\S+\.ipynb)\b[^%]*%\}$/;
/** Where static-site generators keep embedded notebooks, relative to the post's folder or the site. */
const EMBED_FOLDERS = [
  '',
  'notebooks/',
  'downloads/notebooks/',
  '../downloads/notebooks/',
  'content/downloads/notebooks/',
];

/**
 * Replaces `{% notebook … %}` paragraphs with the notebook's own Markdown and code, read from the
 * blog folder (or, for a posts folder inside a site, from the site two levels up). A notebook that
 * cannot be found is recorded, so length and figure checks say unknown instead of "7 words".
 */
async function inlineNotebookEmbeds(raw: RawPost, rel: string, files: RepoFiles): Promise<void> {
  const blocks: RawBlock[] = [];
  for (const block of raw.blocks) {
    const m = block.kind === 'paragraph' ? NOTEBOOK_EMBED.exec(block.text.trim()) : null;
    if (!m) {
      blocks.push(block);
      continue;
    }
    const embedded = await readEmbeddedNotebook(files, posixDirname(rel), m[1]!);
    if (!embedded) {
      raw.embedsMissing.push(m[1]!);
      raw.problems.push(`embeds ${m[1]} (a notebook not found in the folder reviewed)`);
      blocks.push(block);
      continue;
    }
    // Evidence in an embedded notebook points at the embedding line, with the notebook's cell.
    for (const b of embedded.blocks) blocks.push({ ...b, line: block.line });
    raw.embedded.push({ path: m[1]!, line: block.line });
    raw.problems.push(...embedded.problems);
  }
  raw.blocks = blocks;
}

async function readEmbeddedNotebook(files: RepoFiles, dir: string, target: string): Promise<RawPost | null> {
  const roots: { files: RepoFiles; base: string }[] = [{ files, base: dir }];
  // A posts folder inside a site (content/articles): the site's notebooks live beside it.
  let up = files.root;
  for (let i = 0; i < 2; i++) {
    up = dirname(up);
    const parent = await RepoFiles.open(up, files.limits).catch(() => null);
    if (parent) roots.push({ files: parent, base: relativeTo(up, join(files.root, dir)) });
  }
  for (const { files: where, base } of roots) {
    // Static-site generators resolve embeds against the post's folder or the content root.
    const candidates = [...EMBED_FOLDERS.map((folder) => `${base}/${folder}${target}`), target];
    for (const path of candidates) {
      const candidate = normalisePosix(path);
      if (candidate === null) continue;
      try {
        const read = await where.readText(candidate, MAX_NOTEBOOK_POST_BYTES);
        if (read.encoding === 'binary') continue;
        const nb = readNotebookPost(read.text, read.truncated);
        if (!('error' in nb)) return nb;
      } catch {
        // not there: try the next place
      }
    }
  }
  return null;
}

function posixDirname(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** `a/b/../c` → `a/c`; null when the path climbs out of its root. */
function normalisePosix(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.length > 0 ? out.join('/') : null;
}

/** Site config files that name the author's accounts or the site's address, at the blog's root or above. */
const SITE_CONFIGS = [
  '_config.yml',
  'pelicanconf.py',
  'publishconf.py',
  'config.toml',
  'hugo.toml',
  '_quarto.yml',
  'config.yaml',
];

/**
 * The accounts a whole blog belongs to, so a link to the author's repository counts as their own work
 * in posts without front matter: a `<user>.github.io` folder or site URL, and `github_username`-style
 * keys in the site's config. Read through `files` (bounded); nothing is fetched.
 */
export async function siteHandles(files: RepoFiles, shownAs: string): Promise<string[]> {
  const handles = new Set<string>();
  for (const part of [...shownAs.split(/[\\/]/), ...files.root.split(/[\\/]/)]) {
    const m = /^([\w-]+)\.github\.io\b/i.exec(part);
    if (m) handles.add(m[1]!.toLowerCase());
  }
  // The site's config sits at the site root: the folder reviewed, or up to two folders above a posts folder.
  const roots: RepoFiles[] = [files];
  let up = files.root;
  for (let i = 0; i < 2; i++) {
    up = dirname(up);
    const parent = await RepoFiles.open(up, files.limits).catch(() => null);
    if (parent) roots.push(parent);
  }
  for (const root of roots)
    for (const name of SITE_CONFIGS) {
      try {
        const read = await root.readText(name, 64 * 1024);
        if (read.encoding === 'binary') continue;
        for (const m of read.text.matchAll(/https?:\/\/([\w-]+)\.github\.io/gi))
          handles.add(m[1]!.toLowerCase());
        for (const m of read.text.matchAll(
          /^\s*(?:github(?:_username|_user)?|GITHUB_URL|gitlab|kaggle)\s*[:=]\s*['"]?(?:https?:\/\/(?:www\.)?github\.com\/)?@?([\w.-]+)/gim,
        )) {
          handles.add(m[1]!.toLowerCase());
        }
      } catch {
        // no such config: fine
      }
    }
  return [...handles].sort();
}

export function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
