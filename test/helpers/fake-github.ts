import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRepo {
  name: string;
  cloneUrl: string;
  fork?: boolean;
  private?: boolean;
}

export interface FakeGithubOptions {
  users: Record<string, FakeRepo[]>;
  /** Repositories per page (GitHub allows 100; tests use a few to exercise `Link`). */
  perPage?: number;
  /** Requests answered before the rate limit is exhausted; unlimited when absent. */
  requestsBeforeLimit?: number;
  /** Unix seconds the fake limit resets at. */
  resetAt?: number;
}

export interface FakeGithub {
  /** `http://127.0.0.1:<port>` — the API root to pass as `--github-api`. */
  url: string;
  /** Request paths (with query) in the order they came. */
  requests: string[];
  /** Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/** A loopback stand-in for the part of the GitHub REST API unherd uses: `GET /users/{user}/repos`. */
export async function startFakeGithub(options: FakeGithubOptions): Promise<FakeGithub> {
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const perPage = options.perPage ?? 100;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    authorizations.push(req.headers.authorization);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const limited =
      options.requestsBeforeLimit !== undefined && requests.length > options.requestsBeforeLimit;
    const rate = {
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': limited ? '0' : '59',
      'x-ratelimit-reset': String(options.resetAt ?? 1_900_000_000),
    };
    if (limited) {
      res.writeHead(403, { 'content-type': 'application/json', ...rate });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
      return;
    }
    const match = /^\/users\/([^/]+)\/repos$/.exec(url.pathname);
    const repos = match ? options.users[decodeURIComponent(match[1]!)] : undefined;
    if (!repos) {
      res.writeHead(404, { 'content-type': 'application/json', ...rate });
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = repos.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...rate };
    if (page * perPage < repos.length) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`;
    }
    res.writeHead(200, headers);
    res.end(
      JSON.stringify(
        slice.map((r) => ({
          name: r.name,
          full_name: `${match![1]}/${r.name}`,
          clone_url: r.cloneUrl,
          fork: r.fork ?? false,
          private: r.private ?? false,
          pushed_at: '2024-03-01T00:00:00Z',
        })),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
