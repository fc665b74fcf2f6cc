import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { UnherdError } from '../errors.js';
import { spawnThroughBroker } from './git-broker.js';
import { type SpawnedGit, type SpawnRequest, spawnGit } from './git-spawn.js';

/**
 * Settings given on git's command line, which outrank every config file, so that nothing a
 * repository (or a user's global config) says can make git run a program while we read it.
 */
const HARDENING: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.editor=true',
  'core.askPass=',
  'core.sshCommand=false',
  'core.untrackedCache=false',
  'core.quotePath=false',
  'core.attributesFile=/dev/null',
  'credential.helper=',
  'diff.external=',
  'diff.noprefix=false',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'i18n.logOutputEncoding=UTF-8',
  'protocol.ext.allow=never',
  'protocol.file.allow=never',
  'submodule.recurse=false',
  'safe.directory=*',
  'color.ui=false',
].flatMap((kv) => ['-c', kv]);

/** The environment git runs in: no system or global config, no prompts, no optional index writes. */
export function hardenedGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    // Never fetch missing objects of a partial clone behind the user's back (git 2.44+ honours it).
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
    ...extra,
  };
}

export interface GitRepoLocation {
  /** The worktree root (the audited folder). */
  workTree: string;
  /** The git directory (usually `<root>/.git`). */
  gitDir: string;
}

/**
 * Finds the repository's own git directory. A folder without its own `.git` is not a git
 * repository even if a parent folder is one: we audit what the user pointed at, nothing above.
 */
export function locateGitDir(root: string): GitRepoLocation | null {
  const dotGit = join(root, '.git');
  let info: ReturnType<typeof lstatSync>;
  try {
    info = lstatSync(dotGit);
  } catch {
    return null;
  }
  if (info.isDirectory()) return { workTree: root, gitDir: dotGit };
  if (info.isFile()) {
    // Worktrees and submodules: `.git` is a file saying `gitdir: <path>`.
    const text = readFileSync(dotGit, 'utf8').slice(0, 4096);
    const match = /^gitdir:\s*(.+)\s*$/m.exec(text);
    if (!match) return null;
    const target = match[1]!.trim();
    const gitDir = isAbsolute(target) ? target : resolve(dirname(dotGit), target);
    return existsSync(gitDir) ? { workTree: root, gitDir } : null;
  }
  return null;
}

export interface GitRunOptions {
  timeoutMs: number;
  /** Stop reading stdout past this many bytes (the command is killed, the result marked truncated). */
  maxBytes?: number;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
  truncated: boolean;
}

/**
 * Worker threads start git through a small broker process: forking the large, multi-threaded
 * audit process costs about 10 ms per git command and blocks the thread while it happens.
 */
const useBroker = !isMainThread && process.env.UNHERD_GIT_BROKER !== '0';

/** Runs one git command against a repository with the hardened settings; never through a shell. */
export async function runGit(
  repo: GitRepoLocation,
  args: readonly string[],
  options: GitRunOptions,
): Promise<GitResult> {
  const request: SpawnRequest = {
    args: ['--no-pager', '--no-optional-locks', ...HARDENING, ...args],
    env: hardenedGitEnv({
      GIT_DIR: repo.gitDir,
      GIT_WORK_TREE: repo.workTree,
      GIT_CEILING_DIRECTORIES: dirname(repo.workTree),
    }),
    cwd: repo.workTree,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes ?? 512 * 1024 * 1024,
  };
  let result: SpawnedGit;
  const viaBroker = useBroker ? spawnThroughBroker(request) : null;
  try {
    result = viaBroker ? await viaBroker : await spawnGit(request);
  } catch {
    // The broker went away mid-request: run this one directly.
    result = await spawnGit(request);
  }
  if (result.spawnError !== null) {
    throw new UnherdError(
      'GIT_FAILED',
      `Could not run git: ${result.spawnError}`,
      'is git installed and on PATH?',
    );
  }
  if (result.timedOut) {
    throw new UnherdError('TIMEOUT', `git ${args[0]} took longer than ${options.timeoutMs} ms`);
  }
  return { stdout: result.stdout, stderr: result.stderr, code: result.code, truncated: result.truncated };
}

/** Runs git and returns stdout as text; a non-zero exit becomes a GIT_FAILED error with git's message. */
export async function gitText(
  repo: GitRepoLocation,
  args: readonly string[],
  options: GitRunOptions,
): Promise<string> {
  const result = await runGit(repo, args, options);
  if (result.code !== 0) {
    throw new UnherdError(
      'GIT_FAILED',
      `git ${args[0]} failed: ${result.stderr.split('\n')[0] ?? 'unknown error'}`,
    );
  }
  return result.stdout.toString('utf8');
}
