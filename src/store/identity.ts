import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gitText, locateGitDir, runGit } from '../source/git.js';
import { parseRemoteUrl } from '../source/remote/url.js';
import { CLEAN } from './key.js';

/** Who a repository is and what state it is in: the part of a run key the repository decides. */
export interface RepoState {
  /** Normalised remote URL (origin), else the absolute path. */
  identity: string;
  /** HEAD's commit, or null (not a git repository, no commit yet). */
  commit: string | null;
  /** `clean`, or a hash of what differs from HEAD (changed and untracked files). */
  worktree: string;
}

const GIT_TIMEOUT_MS = 30_000;

/**
 * Reads a local repository's identity, commit and working-tree state with hardened git. The
 * working tree's hash covers `git status` and the size and time of every changed or untracked
 * file, so editing a file twice gives two states; ignored files do not count (they are not audited either).
 */
export async function readRepoState(root: string, remoteIdentity?: string): Promise<RepoState> {
  const abs = resolve(root);
  const location = locateGitDir(abs);
  if (!location) return { identity: remoteIdentity ?? abs, commit: null, worktree: CLEAN };
  const options = { timeoutMs: GIT_TIMEOUT_MS };
  let identity = remoteIdentity ?? abs;
  if (remoteIdentity === undefined) {
    const origin = await runGit(location, ['config', '--get', 'remote.origin.url'], options);
    const url = origin.code === 0 ? origin.stdout.toString('utf8').trim() : '';
    if (url !== '') {
      try {
        identity = parseRemoteUrl(url, { allowHttp: true }).normalised;
      } catch {
        // A local or refused transport (file://, ext::): the folder is the identity.
      }
    }
  }
  const head = await runGit(location, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], options);
  const commit = head.code === 0 ? head.stdout.toString('utf8').trim() || null : null;
  const status = await gitText(
    location,
    ['status', '--porcelain=v1', '-z', '--untracked-files=all'],
    options,
  );
  if (status === '') return { identity, commit, worktree: CLEAN };
  const hash = createHash('sha256').update(status);
  // Size and modification time of each changed file, never its content: an edit that keeps the
  // status line still counts, and a 20 GB untracked file costs one lstat.
  for (const path of changedPaths(status)) {
    try {
      const st = lstatSync(join(abs, path));
      hash.update(`\0${path}\0${st.size}\0${st.mtimeMs}`);
    } catch {
      hash.update(`\0${path}\0gone`);
    }
  }
  return { identity, commit, worktree: `dirty:${hash.digest('hex').slice(0, 32)}` };
}

/** Paths named by `git status --porcelain=v1 -z`: "XY path", a rename or copy followed by its source. */
function changedPaths(status: string): string[] {
  const entries = status.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') i += 1;
  }
  return paths;
}
