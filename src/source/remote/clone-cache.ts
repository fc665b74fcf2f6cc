import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describeError, UnherdError } from '../../errors.js';
import { checkoutDownloaded, REMOTE_INFO_FILE, type RemoteCheckoutInfo } from './checkout.js';
import { acquireLock } from './lock.js';
import { CloneStopped, runNetworkGit } from './network-git.js';
import { cacheKey, type RemoteUrl } from './url.js';

export interface CloneCacheOptions {
  /** Root of the cache; clones live in `<cacheDir>/repos/<hash>`. */
  cacheDir: string;
  /** Throw the cached copy away and clone again. */
  refresh?: boolean;
  /** Milliseconds one clone or update may take, waiting for another run's lock included. */
  timeoutMs?: number;
  /** Bytes one clone may take on disk (history and checked-out files). */
  maxBytes?: number;
  /** Blobs larger than this stay on the server (`--filter=blob:limit=<n>`). */
  blobLimitBytes?: number;
}

export const CLONE_DEFAULTS = {
  timeoutMs: 5 * 60_000,
  maxBytes: 1024 * 1024 * 1024,
  blobLimitBytes: 1024 * 1024,
} as const;

export interface ClonedRepo {
  /** The worktree to audit. */
  path: string;
  /** True when an earlier clone was reused (and updated, unless `note` says otherwise). */
  reused: boolean;
  /** Something the report should mention, e.g. an update that failed so an older copy was audited. */
  note: string | null;
  info: RemoteCheckoutInfo;
}

/** `$XDG_CACHE_HOME/unherd`, else `~/.cache/unherd`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg?.startsWith('/') ? join(xdg, 'unherd') : join(env.HOME || homedir(), '.cache', 'unherd');
}

async function readInfo(dir: string): Promise<RemoteCheckoutInfo | null> {
  try {
    return JSON.parse(await readFile(join(dir, '.git', REMOTE_INFO_FILE), 'utf8')) as RemoteCheckoutInfo;
  } catch {
    return null;
  }
}

function location(dir: string) {
  return { workTree: dir, gitDir: join(dir, '.git') };
}

/**
 * Clones a remote repository into the cache, or updates the copy already there, and checks out
 * its default branch. Full history, large blobs left on the server. Each URL has its own
 * hash-named folder; a new clone is built in a temporary folder and renamed into place, and a
 * lock file keeps two runs from working on one folder at once.
 */
export async function ensureClone(remote: RemoteUrl, options: CloneCacheOptions): Promise<ClonedRepo> {
  const timeoutMs = options.timeoutMs ?? CLONE_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? CLONE_DEFAULTS.maxBytes;
  const blobLimit = options.blobLimitBytes ?? CLONE_DEFAULTS.blobLimitBytes;
  const deadline = Date.now() + timeoutMs;
  const reposDir = join(options.cacheDir, 'repos');
  await mkdir(reposDir, { recursive: true, mode: 0o700 });
  const key = cacheKey(remote);
  const dir = join(reposDir, key);
  const lock = await acquireLock(join(reposDir, `${key}.lock`), timeoutMs, remote.cloneUrl);
  try {
    const cached = !options.refresh && existsSync(join(dir, '.git')) ? await readInfo(dir) : null;
    if (cached && cached.url === remote.normalised) {
      return await update(remote, dir, { deadline, maxBytes, blobLimit, cached });
    }
    await rm(dir, { recursive: true, force: true });
    const tmp = join(reposDir, `.tmp-${key}-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(tmp, { mode: 0o700 });
      await runNetworkGit(
        [
          'clone',
          '--quiet',
          '--no-checkout',
          '--no-recurse-submodules',
          '--template=',
          `--filter=blob:limit=${blobLimit}`,
          '--',
          remote.cloneUrl,
          'repo',
        ],
        { cwd: tmp, protocol: remote.protocol, deadline, watch: tmp, maxBytes },
      );
      const info = await checkoutDownloaded(
        location(join(tmp, 'repo')),
        remote.normalised,
        blobLimit,
        Math.max(1000, deadline - Date.now()),
      );
      await rename(join(tmp, 'repo'), dir);
      return { path: dir, reused: false, note: null, info };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  } finally {
    await lock.release();
  }
}

async function update(
  remote: RemoteUrl,
  dir: string,
  opts: { deadline: number; maxBytes: number; blobLimit: number; cached: RemoteCheckoutInfo },
): Promise<ClonedRepo> {
  try {
    await runNetworkGit(['fetch', '--quiet', '--prune', '--no-recurse-submodules', 'origin'], {
      cwd: dir,
      protocol: remote.protocol,
      deadline: opts.deadline,
      watch: dir,
      maxBytes: opts.maxBytes,
      env: { GIT_DIR: join(dir, '.git') },
    });
  } catch (err) {
    if (err instanceof CloneStopped && err.code === 'LIMIT') {
      // A copy that no longer fits the cap is not kept half-updated.
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    // Offline or the server is down: the copy from the last run is still worth auditing.
    return {
      path: dir,
      reused: true,
      note: `could not update the cached clone (${describeError(err)}); audited the copy from an earlier run`,
      info: opts.cached,
    };
  }
  try {
    const info = await checkoutDownloaded(
      location(dir),
      remote.normalised,
      opts.blobLimit,
      Math.max(1000, opts.deadline - Date.now()),
      opts.cached,
    );
    return { path: dir, reused: true, note: null, info };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new UnherdError(
      'GIT_FAILED',
      `the cached clone was damaged and has been removed: ${describeError(err)}`,
    );
  }
}
