import type { GitFacts } from '../../collectors/git/types.js';

/** A commit as evidence: its hash, with the subject as the note a reader recognises. */
export function commitEvidence(git: GitFacts, hash: string | null): { commit: string; note?: string }[] {
  if (!hash) return [];
  const commit = git.commits.find((c) => c.hash === hash);
  return [commit ? { commit: hash, note: commit.subject } : { commit: hash }];
}
