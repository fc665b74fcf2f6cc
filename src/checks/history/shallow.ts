import type { GitFacts } from '../../collectors/git/types.js';

/**
 * A shallow clone holds only the newest commits, so any judgement of how the project grew would
 * be about the clone, not the candidate. Returns the reason to report as unknown, or null.
 */
export function shallowReason(git: GitFacts): string | null {
  return git.shallow
    ? 'shallow clone: only the newest commits were fetched; clone the full history to judge it'
    : null;
}
