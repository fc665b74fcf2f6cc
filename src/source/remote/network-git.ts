import { spawn } from 'node:child_process';
import { UnherdError } from '../../errors.js';
import { hardenedGitEnv } from '../git.js';
import { dirSize } from './dir-size.js';
import type { RemoteUrl } from './url.js';

/**
 * Settings for the only git commands that talk to the network (clone, fetch). Every transport is
 * refused except the one of the URL being cloned; no hooks, no submodules, no credential prompts,
 * no background maintenance.
 */
export function networkGitConfig(protocol: RemoteUrl['protocol']): string[] {
  return [
    'protocol.allow=never',
    `protocol.${protocol}.allow=always`,
    'core.hooksPath=/dev/null',
    'core.fsmonitor=false',
    'core.askPass=',
    'credential.helper=',
    'init.templateDir=',
    'submodule.recurse=false',
    'fetch.recurseSubmodules=false',
    'fetch.fsckObjects=false',
    'gc.auto=0',
    'maintenance.auto=false',
    'advice.detachedHead=false',
    'http.followRedirects=initial',
  ].flatMap((kv) => ['-c', kv]);
}

export interface NetworkGitOptions {
  /** Folder git runs in (and, for a clone, the parent of the new repository). */
  cwd: string;
  protocol: RemoteUrl['protocol'];
  /** Absolute time (ms since epoch) by which the command must be done. */
  deadline: number;
  /** Folder whose size is watched; the command is stopped once it passes `maxBytes`. */
  watch: string;
  maxBytes: number;
  /** Extra environment, e.g. GIT_DIR for a fetch. */
  env?: Record<string, string>;
}

/** Why a network git command was stopped, for the caller's error message. */
export class CloneStopped extends UnherdError {}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}

function overCap(maxBytes: number): CloneStopped {
  return new CloneStopped(
    'LIMIT',
    `the repository is larger than the ${formatBytes(maxBytes)} cap`,
    'raise --max-clone-size if you trust it',
  );
}

/**
 * Runs one network git command with a deadline and a size cap, never through a shell. Stopping
 * it kills the process; the caller removes whatever it left behind.
 */
export function runNetworkGit(args: readonly string[], options: NetworkGitOptions): Promise<void> {
  const extra: Record<string, string> = { ...options.env };
  if (options.protocol === 'ssh') {
    // The user's agent may hold a key; a prompt for a passphrase or an unknown host key must not hang.
    if (process.env.SSH_AUTH_SOCK) extra.SSH_AUTH_SOCK = process.env.SSH_AUTH_SOCK;
    extra.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes -o ConnectTimeout=20';
  }
  const env = hardenedGitEnv(extra);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-pager', ...networkGitConfig(options.protocol), ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so stopping it also stops git-remote-https and ssh under it.
      detached: true,
    });
    let stderr = '';
    let stopped: UnherdError | null = null;
    const stop = (err: UnherdError) => {
      if (stopped) return;
      stopped = err;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(
      () =>
        stop(
          new CloneStopped(
            'TIMEOUT',
            `git ${args[0]} did not finish in time`,
            'the server is slow or the repository is very large; raise --clone-timeout',
          ),
        ),
      Math.max(0, options.deadline - Date.now()),
    );
    let watching = false;
    const watcher = setInterval(() => {
      if (watching) return;
      watching = true;
      void dirSize(options.watch, options.maxBytes).then((size) => {
        watching = false;
        if (size > options.maxBytes) stop(overCap(options.maxBytes));
      });
    }, 200);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_384) stderr += chunk.toString('utf8');
    });
    const finish = (err: UnherdError | null) => {
      clearTimeout(timer);
      clearInterval(watcher);
      if (err) reject(err);
      else resolve();
    };
    child.on('error', (err) =>
      finish(
        new UnherdError('GIT_FAILED', `could not run git: ${err.message}`, 'is git installed and on PATH?'),
      ),
    );
    child.on('close', (code) => {
      if (stopped) return finish(stopped);
      if (code === 0) {
        // A fast clone can finish between two looks; the cap holds for what it left on disk too.
        void dirSize(options.watch, options.maxBytes).then((size) =>
          finish(size > options.maxBytes ? overCap(options.maxBytes) : null),
        );
        return;
      }
      finish(new UnherdError('GIT_FAILED', `git ${args[0]} failed: ${explainGitFailure(stderr)}`));
    });
  });
}

/** git's last fatal line, rephrased where a person would not recognise it. */
export function explainGitFailure(stderr: string): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(Cloning into|remote: (Counting|Compressing|Enumerating|Total))/.test(l));
  const fatal = lines.filter((l) => /^(fatal|error):/.test(l)).at(-1) ?? lines.at(-1) ?? 'unknown error';
  if (/could not read Username|Authentication failed|terminal prompts disabled|401/i.test(stderr)) {
    return 'the repository is private or needs a login (unherd only clones public repositories)';
  }
  if (/not found|404|does not appear to be a git repository/i.test(stderr)) {
    return `no repository at this address (${fatal.replace(/^(fatal|error):\s*/, '')})`;
  }
  if (
    /Could not resolve host|Connection refused|Failed to connect|Connection timed out|unable to access/i.test(
      stderr,
    )
  ) {
    return `the server could not be reached (${fatal.replace(/^(fatal|error):\s*/, '')})`;
  }
  return fatal.replace(/^(fatal|error):\s*/, '');
}
