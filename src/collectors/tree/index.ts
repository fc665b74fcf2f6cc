import { type Dirent, readdirSync, realpathSync } from 'node:fs';
import { readlink, realpath } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Limits } from '../../limits.js';
import { type GitRepoLocation, runGit } from '../../source/git.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import { extensionOf, kindOf, languageOf, vendoredRoot } from './classify.js';
import { codeParts, MIXED_DOCUMENT } from './languages.js';
import type { SkippedEntry, TreeFacts, TreeFile, VendoredFolder } from './types.js';

/** Folders that are never a candidate's own work, skipped when walking a folder that is not a git repository. */
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.idea',
  '.vscode',
  'site-packages',
  '.cache',
]);

export default defineCollector({
  name: 'tree',
  needs: [],
  async collect({ files, git, limits }) {
    const listing = git ? await listWithGit(git, limits) : null;
    const entries = listing ?? (await walk(files.root, limits));
    const result: TreeFacts = {
      root: files.root,
      isGitRepo: git !== null,
      files: [],
      vendored: [],
      skipped: [],
      truncated: entries.truncated,
      totalBytes: 0,
      languageBytes: {},
    };
    const paths = entries.paths;
    const vendored = new Map<string, VendoredFolder>();
    // C headers are C++ in a C++ project; documents mixing code and prose count their code only.
    let headerBytes = 0;
    const mixed: TreeFile[] = [];
    const realPathOf = folderResolver();
    for (let i = 0; i < paths.length; i += 64) {
      const batch = paths.slice(i, i + 64);
      const infos = await Promise.all(
        batch.map(async ([path, tracked]) =>
          entries.notCheckedOut?.has(path)
            ? ({
                path,
                reason: 'not-checked-out',
                detail: 'tracked, but not in the working tree (a partial or sparse clone)',
              } as const)
            : describe(files, path, tracked, realPathOf),
        ),
      );
      for (const info of infos) {
        if (!info) continue;
        if ('reason' in info) result.skipped.push(info);
        else if (addVendored(vendored, info)) continue;
        else {
          result.files.push(info);
          result.totalBytes += info.size;
          const language = languageOf(info.path);
          if (!language) continue;
          if (info.ext === 'h') headerBytes += info.size;
          else if (MIXED_DOCUMENT.has(info.ext) && mixed.length < MAX_MIXED_READS) mixed.push(info);
          else result.languageBytes[language] = (result.languageBytes[language] ?? 0) + info.size;
        }
      }
    }
    const bytes = result.languageBytes;
    if (headerBytes > 0) {
      const language = (bytes['C++'] ?? 0) > (bytes.C ?? 0) ? 'C++' : 'C';
      bytes[language] = (bytes[language] ?? 0) + headerBytes;
    }
    for (const f of mixed) {
      for (const [language, n] of Object.entries(await mixedCode(files, f))) {
        bytes[language] = (bytes[language] ?? 0) + n;
      }
    }
    if (entries.truncated) {
      result.skipped.push({
        path: '.',
        reason: 'limit',
        detail: `only the first ${limits.maxFiles} files were listed`,
      });
    }
    result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    result.vendored = [...vendored.values()].sort((a, b) => a.root.localeCompare(b.root));
    return result;
  },
});

/** R Markdown, Quarto, Vue and Svelte files read for their code parts; past this, a file counts whole. */
const MAX_MIXED_READS = 300;
const MAX_MIXED_BYTES = 512 * 1024;

/** A mixed document's code bytes per language; whole under its own language when it cannot be read. */
async function mixedCode(files: RepoFiles, file: TreeFile): Promise<Record<string, number>> {
  const whole = { [languageOf(file.path)!]: file.size };
  if (file.size > MAX_MIXED_BYTES) return whole;
  try {
    const read = await files.readText(file.path, MAX_MIXED_BYTES);
    return read.encoding === 'binary' ? whole : codeParts(read.text, file.ext);
  } catch {
    return whole;
  }
}

/** Files under a vendored folder are counted there, not analysed as the candidate's work. */
function addVendored(vendored: Map<string, VendoredFolder>, file: TreeFile): boolean {
  const match = vendoredRoot(file.path);
  if (!match) return false;
  const folder = vendored.get(match.root) ?? {
    root: match.root,
    kind: match.kind,
    files: 0,
    bytes: 0,
    tracked: false,
  };
  folder.files++;
  folder.bytes += file.size;
  folder.tracked ||= file.tracked;
  vendored.set(match.root, folder);
  return true;
}

interface Listing {
  paths: [string, boolean][];
  truncated: boolean;
  /** Tracked files git left out of the working tree on purpose (skip-worktree: sparse or partial checkouts). */
  notCheckedOut?: Set<string>;
}

async function listWithGit(git: GitRepoLocation, limits: Limits): Promise<Listing | null> {
  // One process lists both: `-t` tags tracked files `H` (or another status letter) and untracked `?`.
  const out = await runGit(
    git,
    ['ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard', '--deduplicate'],
    {
      timeoutMs: limits.gitTimeoutMs,
      maxBytes: 64 * 1024 * 1024,
    },
  );
  if (out.code !== 0) return null;
  const seen = new Set<string>();
  const paths: [string, boolean][] = [];
  const notCheckedOut = new Set<string>();
  let truncated = out.truncated;
  for (const entry of out.stdout.toString('utf8').split('\0')) {
    if (entry.length < 3) continue;
    const path = entry.slice(2);
    if (entry[0] === 'S') notCheckedOut.add(path);
    if (seen.has(path)) continue;
    if (paths.length >= limits.maxFiles) {
      truncated = true;
      break;
    }
    seen.add(path);
    paths.push([path, entry[0] !== '?']);
  }
  return { paths, truncated, notCheckedOut };
}

/**
 * Walks a plain folder without following symlinks (they are listed, then reported as skipped).
 * Synchronous, as RepoFiles reads are: a listing is many tiny calls.
 */
async function walk(root: string, limits: Limits): Promise<Listing> {
  const paths: [string, boolean][] = [];
  const queue: string[] = [''];
  while (queue.length > 0) {
    const rel = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push(path);
        continue;
      }
      if (paths.length >= limits.maxFiles) return { paths, truncated: true };
      paths.push([path, false]);
    }
  }
  return { paths, truncated: false };
}

/** Resolves folders once per listing: a thousand files in one folder cost one realpath, not a thousand. */
function folderResolver(): (folder: string) => string | null {
  const seen = new Map<string, string | null>();
  return (folder) => {
    let hit = seen.get(folder);
    if (hit === undefined) {
      try {
        hit = realpathSync.native(folder);
      } catch {
        hit = null;
      }
      seen.set(folder, hit);
    }
    return hit;
  };
}

async function describe(
  files: RepoFiles,
  path: string,
  tracked: boolean,
  realPathOf: (folder: string) => string | null,
): Promise<TreeFile | SkippedEntry | null> {
  let abs: string;
  try {
    abs = files.resolve(path);
  } catch {
    return { path, reason: 'unreadable', detail: 'path leaves the repository' };
  }
  const info = await files.lstat(path);
  if (!info) return null; // tracked but deleted from the working tree
  if (info.isSymbolicLink()) return describeSymlink(files.root, abs, path);
  if (!info.isFile()) return { path, reason: 'special-file' };
  // A parent folder that is a symlink (possible in a plain folder) must not smuggle outside files in.
  const parent = dirname(abs);
  if (parent !== files.root) {
    const real = realPathOf(parent);
    if (!real || (real !== files.root && !real.startsWith(files.root + sep))) {
      return { path, reason: 'symlink-outside', detail: 'inside a folder that links out of the repository' };
    }
  }
  return { path, size: info.size, kind: kindOf(path), ext: extensionOf(path), tracked };
}

async function describeSymlink(root: string, abs: string, path: string): Promise<SkippedEntry> {
  const target = await readlink(abs).catch(() => '');
  try {
    const real = await realpath(abs);
    const inside = real === root || real.startsWith(root + sep);
    return inside
      ? { path, reason: 'symlink', detail: `links to ${target}; not followed` }
      : { path, reason: 'symlink-outside', detail: `links outside the repository (${target}); not followed` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { path, reason: 'symlink-loop', detail: `links in a loop (${target})` };
    const lexical = resolve(dirname(abs), target);
    const inside = lexical.startsWith(root + sep);
    return { path, reason: inside ? 'symlink' : 'symlink-outside', detail: `dangling link to ${target}` };
  }
}
