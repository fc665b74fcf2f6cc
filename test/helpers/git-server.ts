import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type CommitSpec, type FileTree, git, makeCommit, repo } from './repo.js';

export interface GitServerOptions {
  /** Folder holding bare repositories (`<root>/<name>.git`), served as `/<name>.git`. */
  root: string;
  /** Repository names (without `.git`) that answer 401, like a private repository to a stranger. */
  private?: ReadonlySet<string>;
  /** Milliseconds to wait before answering each request (for clone timeouts). */
  delayMs?: number;
  /** The server stops itself after this many milliseconds, so a forgotten one cannot outlive its run. */
  lifetimeMs?: number;
}

export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Requests answered so far; a test resets it to prove an audit fetched nothing. */
  requests: number;
  /** Changes the delay for requests that arrive from now on. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A smart-HTTP git server on loopback: a tiny Node server in front of `git http-backend` (CGI),
 * with partial clone (`--filter`) allowed. Only for tests and the bench; it serves repositories
 * the caller built.
 */
export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  let delayMs = options.delayMs ?? 0;
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    const name = /^\/([^/]+?)(?:\.git)?\//.exec(req.url ?? '')?.[1] ?? '';
    if (options.private?.has(name)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end('authentication required\n');
      return;
    }
    const answer = () => serveCgi(options.root, req, res);
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const lifetime = setTimeout(() => server.close(), options.lifetimeMs ?? 10 * 60_000);
  lifetime.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    set requests(n: number) {
      state.requests = n;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    close() {
      clearTimeout(lifetime);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function serveCgi(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'uploadpack.allowFilter',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_KEY_1: 'uploadpack.allowAnySHA1InWant',
      GIT_CONFIG_VALUE_1: 'true',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: String(req.headers['content-type'] ?? ''),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: 'test',
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  req.pipe(child.stdin);
  child.stdin.on('error', () => {});
  res.on('close', () => child.kill('SIGKILL'));
  let head = Buffer.alloc(0);
  let headerDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headerDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headerDone = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
      else headers[key] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.on('close', () => {
    if (!headerDone) {
      res.writeHead(500);
      res.end();
    } else res.end();
  });
}

/**
 * Builds a repository with `repo()` and publishes it as `<root>/<name>.git`, a bare copy the
 * server serves. Returns the working copy, so a test can commit more and push again.
 */
export function publishRepo(root: string, name: string, files: FileTree, commits: CommitSpec[]): string {
  const work = repo(files, { commits });
  mkdirSync(root, { recursive: true });
  git(root, ['clone', '-q', '--bare', work, `${name}.git`]);
  return work;
}

/** Commits in the working copy and pushes it to the served copy, as a candidate pushing new work. */
export function pushCommit(work: string, root: string, name: string, commit: CommitSpec): void {
  makeCommit(work, commit);
  git(work, ['push', '-q', join(root, `${name}.git`), 'HEAD:main']);
}
