import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { CollectorName } from '../../facts.js';
import { profileRepo } from './profile.js';
import type { RepoProfile } from './types.js';

/** Whether a folder is a repository itself rather than a folder of repositories. */
function isRepository(dir: string, entries: string[]): boolean {
  if (entries.includes('.git')) return true;
  return entries.some((name) => {
    if (name.startsWith('.')) return false;
    try {
      return !statSync(join(dir, name)).isDirectory();
    } catch {
      return false;
    }
  });
}

/**
 * The repositories behind the paths given: a folder with a `.git` or any file of its own is a
 * repository; a folder holding only folders is a cohort, and each non-hidden sub-folder is a
 * repository (paths joined to the one given). Anything unreadable is passed through as it is, so
 * profiling reports it as a failure with the reason.
 */
export function expandRepoDirs(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    let entries: string[];
    try {
      if (!statSync(dir).isDirectory()) {
        out.push(dir);
        continue;
      }
      entries = readdirSync(dir).sort();
    } catch {
      out.push(dir);
      continue;
    }
    if (isRepository(dir, entries)) {
      out.push(dir);
      continue;
    }
    const children = entries.filter((name) => !name.startsWith('.'));
    if (children.length === 0) out.push(dir);
    else for (const name of children) out.push(join(dir, name));
  }
  return out;
}

export interface CohortProfiles {
  profiles: RepoProfile[];
  failures: { path: string; reason: string }[];
}

/** Profiles every repository, one at a time (the parser is one per process); failures are listed, the rest kept. */
export async function profileCohort(
  paths: readonly string[],
  options: { collectors?: ReadonlySet<CollectorName>; config?: Config; onRepo?: (path: string) => void } = {},
): Promise<CohortProfiles> {
  const result: CohortProfiles = { profiles: [], failures: [] };
  for (const path of paths) {
    const got = await profileRepo(path, options);
    if (got.ok) result.profiles.push(got.profile);
    else result.failures.push({ path: got.path, reason: got.reason });
    options.onRepo?.(path);
  }
  return result;
}
