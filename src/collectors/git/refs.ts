import type { Limits } from '../../limits.js';
import { type GitRepoLocation, gitText, runGit } from '../../source/git.js';

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

export async function readRefs(git: GitRepoLocation, limits: Limits): Promise<Refs> {
  const opts = { timeoutMs: limits.gitTimeoutMs, maxBytes: 8 * 1024 * 1024 };
  const listing = await gitText(
    git,
    ['for-each-ref', `--count=${MAX_BRANCHES}`, '--format=%(refname)', 'refs/heads', 'refs/remotes'],
    opts,
  );
  const branches: string[] = [];
  const distinct = new Set<string>();
  for (const ref of listing.split('\n')) {
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
  const head = await runGit(git, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], opts);
  const symbolic = await runGit(git, ['symbolic-ref', '--quiet', '--short', 'HEAD'], opts);
  const currentBranch = symbolic.code === 0 ? symbolic.stdout.toString('utf8').trim() || null : null;
  return {
    branches,
    distinctBranches: [...distinct].sort(),
    currentBranch,
    headExists: head.code === 0,
  };
}

/** True for a shallow clone: older history is missing, so nothing about it can be judged. */
export async function isShallow(git: GitRepoLocation, limits: Limits): Promise<boolean> {
  const out = await gitText(git, ['rev-parse', '--is-shallow-repository'], {
    timeoutMs: limits.gitTimeoutMs,
    maxBytes: 1024,
  });
  return out.trim() === 'true';
}
