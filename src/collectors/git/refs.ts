import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Limits } from '../../limits.js';
import { type GitRepoLocation, gitText } from '../../source/git.js';

export interface Refs {
  /** `main`, `feature/x`, `origin/main` … (the symbolic `origin/HEAD` left out). */
  branches: string[];
  /** Branch names with the remote prefix dropped, deduplicated. */
  distinctBranches: string[];
  currentBranch: string | null;
  /** HEAD names a commit (false on a fresh `git init`). */
  headExists: boolean;
}

/** Branch names to list at most: a repository with 100,000 branches should not fill memory. */
const MAX_BRANCHES = 2_000;

/**
 * One `for-each-ref` lists the branches and marks the one HEAD is on; whether HEAD names a commit at
 * all is read from `.git/HEAD` (a detached HEAD holds a hash). Each git process costs milliseconds,
 * which add up over a cohort of hundreds of repositories.
 */
export async function readRefs(git: GitRepoLocation, limits: Limits): Promise<Refs> {
  const opts = { timeoutMs: limits.gitTimeoutMs, maxBytes: 8 * 1024 * 1024 };
  const listing = await gitText(
    git,
    [
      'for-each-ref',
      `--count=${MAX_BRANCHES}`,
      '--format=%(HEAD)%09%(refname)',
      'refs/heads',
      'refs/remotes',
    ],
    opts,
  );
  const branches: string[] = [];
  const distinct = new Set<string>();
  let currentBranch: string | null = null;
  for (const line of listing.split('\n')) {
    const [mark, ref = ''] = line.split('\t');
    const local = /^refs\/heads\/(.+)$/.exec(ref);
    const remote = /^refs\/remotes\/([^/]+)\/(.+)$/.exec(ref);
    if (local) {
      branches.push(local[1]!);
      distinct.add(local[1]!);
      if (mark === '*') currentBranch = local[1]!;
    } else if (remote && remote[2] !== 'HEAD') {
      branches.push(`${remote[1]}/${remote[2]}`);
      distinct.add(remote[2]!);
    }
  }
  return {
    branches,
    distinctBranches: [...distinct].sort(),
    currentBranch,
    headExists: currentBranch !== null || headIsDetachedCommit(git.gitDir),
  };
}

/** `.git/HEAD` holding a bare hash: a detached HEAD, which names a commit. */
function headIsDetachedCommit(gitDir: string): boolean {
  const path = join(gitDir, 'HEAD');
  try {
    if (!lstatSync(path).isFile()) return false;
    return /^[0-9a-f]{40,64}\s*$/.test(readFileSync(path, 'utf8').slice(0, 200));
  } catch {
    return false;
  }
}

/** True for a shallow clone (git marks one with a `shallow` file): older history is missing. */
export function isShallow(git: GitRepoLocation): boolean {
  if (existsSync(join(git.gitDir, 'shallow'))) return true;
  // A linked worktree keeps shared state in the common directory.
  try {
    const common = readFileSync(join(git.gitDir, 'commondir'), 'utf8').trim();
    return common !== '' && existsSync(join(git.gitDir, common, 'shallow'));
  } catch {
    return false;
  }
}
