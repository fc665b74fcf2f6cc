import { UnherdError } from '../../errors.js';

export const GITHUB_API = 'https://api.github.com';

export interface GithubRepo {
  fullName: string;
  cloneUrl: string;
  /** ISO date of the last push, as GitHub reports it. */
  pushedAt: string | null;
}

export interface GithubClientOptions {
  /** API root; tests point it at a fake server on 127.0.0.1. */
  apiBase?: string;
  token?: string;
  /** Injected for tests that want to see requests; Node's built-in fetch otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Pages read at most (100 repositories each). */
  maxPages?: number;
}

const USER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** The URL of the `rel="next"` page in a `Link` header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]!.split(/\s+/).includes('next')) return match[1]!;
  }
  return null;
}

/** A rate-limit answer becomes an error naming when the limit resets and how to carry on. */
function rateLimitError(response: Response, user: string): UnherdError | null {
  const remaining = response.headers.get('x-ratelimit-remaining');
  const retryAfter = response.headers.get('retry-after');
  const limited =
    response.status === 429 || (response.status === 403 && (remaining === '0' || retryAfter !== null));
  if (!limited) return null;
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  const when =
    Number.isFinite(reset) && reset > 0
      ? new Date(reset * 1000).toISOString()
      : retryAfter !== null
        ? `in ${retryAfter} seconds`
        : 'later';
  return new UnherdError(
    'LIMIT',
    `GitHub API rate limit reached while listing ${user}'s repositories; it resets at ${when}`,
    `run the same command again after the reset (clones already made are reused from the cache)${
      response.headers.get('x-ratelimit-limit') === '60' ? ', or set GITHUB_TOKEN for a higher limit' : ''
    }`,
  );
}

/**
 * A GitHub user's public repositories that are not forks, every page of them. Any failure —
 * rate limit, missing user, a page that does not load — is an error for the whole list: a
 * partial list would silently leave repositories out of a ranking.
 */
export async function listUserRepos(user: string, options: GithubClientOptions = {}): Promise<GithubRepo[]> {
  if (!USER_NAME.test(user)) {
    throw new UnherdError('USAGE', `not a GitHub user name: ${JSON.stringify(user.slice(0, 100))}`);
  }
  const base = new URL(options.apiBase ?? GITHUB_API);
  const doFetch = options.fetch ?? fetch;
  const maxPages = options.maxPages ?? 50;
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'unherd',
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  const repos: GithubRepo[] = [];
  let url: string | null = new URL(
    `${base.pathname.replace(/\/$/, '')}/users/${encodeURIComponent(user)}/repos?type=owner&sort=full_name&per_page=100`,
    base,
  ).href;
  for (let page = 1; url !== null; page++) {
    if (page > maxPages) {
      throw new UnherdError(
        'LIMIT',
        `${user} has more than ${maxPages * 100} repositories; not listing them all`,
      );
    }
    // Never send the token to a host other than the API's own, whatever a Link header says.
    if (new URL(url).origin !== base.origin) {
      throw new UnherdError('INTERNAL', `GitHub API pointed to another host (${new URL(url).origin})`);
    }
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    } catch (err) {
      throw new UnherdError(
        'UNREADABLE',
        `could not reach the GitHub API at ${base.origin}: ${(err as Error).message}`,
        'check the network, or --github-api',
      );
    }
    const limited = rateLimitError(response, user);
    if (limited) throw limited;
    if (response.status === 404) throw new UnherdError('NOT_FOUND', `no GitHub user called ${user}`);
    if (response.status === 401) {
      throw new UnherdError('UNREADABLE', 'the GitHub API refused the token', 'check GITHUB_TOKEN');
    }
    if (!response.ok) {
      throw new UnherdError(
        'UNREADABLE',
        `GitHub API answered ${response.status} for page ${page} of ${user}'s repositories`,
      );
    }
    const body = (await response.json().catch(() => null)) as unknown;
    if (!Array.isArray(body)) {
      throw new UnherdError('UNREADABLE', `GitHub API sent something other than a list for page ${page}`);
    }
    for (const item of body as Record<string, unknown>[]) {
      if (item.fork === true || item.private === true) continue;
      if (typeof item.clone_url !== 'string' || typeof item.full_name !== 'string') continue;
      repos.push({
        fullName: item.full_name,
        cloneUrl: item.clone_url,
        pushedAt: typeof item.pushed_at === 'string' ? item.pushed_at : null,
      });
    }
    url = nextLink(response.headers.get('link'));
  }
  return repos.sort((a, b) => a.fullName.localeCompare(b.fullName));
}
