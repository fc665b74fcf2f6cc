import { execFile } from 'node:child_process';
import { hardenedGitEnv } from '../source/git.js';
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
