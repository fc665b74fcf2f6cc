import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitRepoLocation } from '../../source/git.js';

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

export interface Head {
  /** `refs/heads/main` when HEAD names a branch (which may not exist yet, in a fresh repository). */
  symbolic: string | null;
  /** A detached HEAD: the commit hash it holds. */
  detached: string | null;
}

/** What `.git/HEAD` says, read as a small file rather than by starting a git process. */
export function readHead(gitDir: string): Head {
  const path = join(gitDir, 'HEAD');
  try {
    if (!lstatSync(path).isFile()) return { symbolic: null, detached: null };
    const text = readFileSync(path, 'utf8').slice(0, 1024).trim();
    const ref = /^ref:\s*(\S+)$/.exec(text);
    if (ref) return { symbolic: ref[1]!, detached: null };
    return /^[0-9a-f]{40,64}$/.test(text)
      ? { symbolic: null, detached: text }
      : { symbolic: null, detached: null };
  } catch {
    return { symbolic: null, detached: null };
  }
}

/**
 * Branches from the decorations `git log --decorate=full` prints on branch tips, so one git
 * process reads both history and branches. A branch whose tip lies beyond the commit cap is not
 * seen; at 20,000 commits that is a branch nobody touched in years.
 */
export function refsFromLog(commits: readonly { refs: string[] }[], head: Head): Refs {
  const branches: string[] = [];
  const distinct = new Set<string>();
  let currentBranch: string | null = null;
  for (const commit of commits) {
    for (let ref of commit.refs) {
      if (ref.startsWith('HEAD -> ')) {
        ref = ref.slice('HEAD -> '.length);
        const local = /^refs\/heads\/(.+)$/.exec(ref);
        if (local) currentBranch = local[1]!;
      }
      if (branches.length >= MAX_BRANCHES) continue;
      const local = /^refs\/heads\/(.+)$/.exec(ref);
      const remote = /^refs\/remotes\/([^/]+)\/(.+)$/.exec(ref);
      if (local) {
        branches.push(local[1]!);
        distinct.add(local[1]!);
      } else if (remote && remote[2] !== 'HEAD') {
        branches.push(`${remote[1]}/${remote[2]}`);
        distinct.add(remote[2]!);
      }
    }
  }
  if (currentBranch === null && head.symbolic?.startsWith('refs/heads/')) {
    const name = head.symbolic.slice('refs/heads/'.length);
    if (distinct.has(name)) currentBranch = name;
  }
  branches.sort();
  return {
    branches,
    distinctBranches: [...distinct].sort(),
    currentBranch,
    headExists: commits.length > 0 && (currentBranch !== null || head.detached !== null),
  };
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
