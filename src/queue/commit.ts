import { execFile } from 'node:child_process';
import { hardenedGitEnv, locateGitDir, runGit } from '../source/git.js';
import { networkGitConfig } from '../source/remote/network-git.js';
import type { RemoteUrl } from '../source/remote/url.js';

const LS_REMOTE_TIMEOUT_MS = 20_000;

/**
 * The commit a remote's default branch points at, read with `git ls-remote` (one round trip, no
 * objects), under the same transport restrictions as the clone cache. Null when the server cannot
 * be asked: the worker will meet the same problem when it clones and report it there.
 */
export function remoteHead(remote: RemoteUrl): Promise<string | null> {
  const env = hardenedGitEnv(
    remote.protocol === 'ssh' ? { GIT_SSH_COMMAND: 'ssh -o BatchMode=yes -o ConnectTimeout=20' } : {},
  );
  return new Promise((resolve) => {
    execFile(
      'git',
      ['--no-pager', ...networkGitConfig(remote.protocol), 'ls-remote', '--', remote.cloneUrl, 'HEAD'],
      { env, timeout: LS_REMOTE_TIMEOUT_MS, maxBuffer: 64 * 1024, killSignal: 'SIGKILL' },
      (err, stdout) => {
        const sha = /^([0-9a-f]{40,64})\tHEAD$/m.exec(String(stdout))?.[1];
        resolve(err || !sha ? null : sha);
      },
    );
  });
}

/** HEAD of a local folder's own repository, or null for a folder that is not one (or has no commit). */
export async function localHead(path: string): Promise<string | null> {
  const repo = locateGitDir(path);
  if (!repo) return null;
  try {
    const result = await runGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
      timeoutMs: 10_000,
    });
    const sha = result.stdout.toString('utf8').trim();
    return result.code === 0 && sha !== '' ? sha : null;
  } catch {
    return null;
  }
}
