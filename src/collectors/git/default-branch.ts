import type { RawCommit } from './log.js';

/** Branches measured for commits ahead, at most: a repository with thousands of branches stays bounded. */
const MAX_BRANCHES_MEASURED = 100;

export interface HeadSplit {
  /** Commits reachable from HEAD, in the log's order: the history GitHub shows for the default branch. */
  onHead: RawCommit[];
  /** Other branches (remote prefix dropped) and their commits not reachable from HEAD. */
  otherBranches: { name: string; commitsAhead: number }[];
}

function branchName(ref: string): string | null {
  const r = ref.startsWith('HEAD -> ') ? ref.slice('HEAD -> '.length) : ref;
  const local = /^refs\/heads\/(.+)$/.exec(r);
  if (local) return local[1]!;
  const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(r);
  return remote && remote[1] !== 'HEAD' ? remote[1]! : null;
}

/**
 * Splits the log of every branch into HEAD's history and the rest. When HEAD is not among the
 * commits read (history cut at the cap, or a log without parents), every commit counts as HEAD's.
 */
export function splitByHead(commits: readonly RawCommit[], currentBranch: string | null): HeadSplit {
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  const tip = commits.find((c) => c.refs.some((r) => r === 'HEAD' || r.startsWith('HEAD -> ')));
  if (!tip || commits.some((c) => c.parentHashes === undefined)) {
    return { onHead: [...commits], otherBranches: [] };
  }
  const reach = (start: string, stop: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const hash = stack.pop()!;
      if (seen.has(hash) || stop.has(hash)) continue;
      const commit = byHash.get(hash);
      if (!commit) continue;
      seen.add(hash);
      for (const p of commit.parentHashes ?? []) stack.push(p);
    }
    return seen;
  };
  const onHead = reach(tip.hash, new Set());
  const ahead = new Map<string, number>();
  for (const c of commits) {
    for (const ref of c.refs) {
      const name = branchName(ref);
      if (name === null || name === currentBranch) continue;
      if (!ahead.has(name) && ahead.size >= MAX_BRANCHES_MEASURED) continue;
      const count = onHead.has(c.hash) ? 0 : reach(c.hash, onHead).size;
      ahead.set(name, Math.max(ahead.get(name) ?? 0, count));
    }
  }
  return {
    onHead: commits.filter((c) => onHead.has(c.hash)),
    otherBranches: [...ahead.entries()]
      .map(([name, commitsAhead]) => ({ name, commitsAhead }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
