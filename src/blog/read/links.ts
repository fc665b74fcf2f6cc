import type { LinkKind } from '../types.js';

/** Hosts where a person's own work lives, and how to read the account name from a URL path. */
const WORK_HOSTS: Record<string, (parts: string[]) => string | null> = {
  'github.com': (p) => p[0] ?? null,
  'gist.github.com': (p) => p[0] ?? null,
  'gitlab.com': (p) => p[0] ?? null,
  'kaggle.com': (p) => (p[0] === 'code' || p[0] === 'datasets' ? (p[1] ?? null) : (p[0] ?? null)),
  'huggingface.co': (p) => (p[0] === 'spaces' || p[0] === 'datasets' ? (p[1] ?? null) : (p[0] ?? null)),
  'observablehq.com': (p) => (p[0]?.startsWith('@') ? p[0].slice(1) : null),
  'colab.research.google.com': (p) => (p[0] === 'github' ? (p[1] ?? null) : null),
  'nbviewer.org': (p) => (p[0] === 'github' ? (p[1] ?? null) : null),
};

export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The account a URL on a code or data host belongs to (`github.com/ada/bikes` → `ada`), lower case. */
export function accountOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const read = WORK_HOSTS[host];
  const fromSubdomain = /^([\w-]+)\.github\.io$/.exec(host);
  if (fromSubdomain) return fromSubdomain[1]!.toLowerCase();
  if (!read) return null;
  const parts = new URL(url).pathname.split('/').filter((p) => p !== '');
  return read(parts)?.toLowerCase() ?? null;
}

/** Words around a link that say the author made what it points at. */
const OWN_WORDS =
  /\b(my|our|i (built|wrote|made|published|shared)|code for this (post|article)|full code|source code|repo(sitory)? for this)\b/i;

export interface LinkContext {
  /** Accounts the author is known by, lower case. */
  handles: ReadonlySet<string>;
  /** The blog's own host (from front matter `url`/`canonical_url`), lower case without www. */
  siteHost: string | null;
}

/**
 * internal: relative, or the blog's own site; own-work: a repository, gist, notebook or data set
 * under one of the author's accounts, or a code-host link introduced as the author's ("my repo");
 * invalid: a URL that is not one (`http:/x`, spaces, javascript:).
 */
export function classifyLink(
  url: string,
  text: string,
  sentence: string,
  ctx: LinkContext,
): { kind: LinkKind; host: string | null } {
  const trimmed = url.trim();
  if (trimmed === '' || /^javascript:/i.test(trimmed) || /\s/.test(trimmed))
    return { kind: 'invalid', host: null };
  if (trimmed.startsWith('#')) return { kind: 'anchor', host: null };
  if (/^mailto:/i.test(trimmed)) return { kind: 'external', host: null };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    const host = hostOf(trimmed);
    if (!host || !/^https?:\/\/[^/]/i.test(trimmed)) return { kind: 'invalid', host: null };
    const account = accountOf(trimmed);
    if (account && ctx.handles.has(account)) return { kind: 'own-work', host };
    if (ctx.siteHost && host === ctx.siteHost) return { kind: 'internal', host };
    if (account && (OWN_WORDS.test(text) || OWN_WORDS.test(sentence))) return { kind: 'own-work', host };
    return { kind: 'external', host };
  }
  if (trimmed.startsWith('//')) return { kind: 'external', host: hostOf(`https:${trimmed}`) };
  return { kind: 'internal', host: null };
}

/** Accounts named in front matter (`github: ada`, `author: {github: ada}`, a github.io `url`). */
export function handlesFromMeta(meta: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (value: unknown, key: string, depth: number) => {
    if (depth > 3) return;
    if (typeof value === 'string') {
      if (/^(github|github_username|gitlab|kaggle|huggingface|hf|twitter|username)$/i.test(key)) {
        out.push(value.replace(/^@/, '').toLowerCase());
      }
      if (/^(url|site|website|canonical_url|homepage)$/i.test(key)) {
        const account = accountOf(value);
        if (account) out.push(account);
      }
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
    }
  };
  visit(meta, '', 0);
  return [...new Set(out.filter((h) => /^[\w.-]+$/.test(h)))];
}
