import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { CollectorName } from '../../facts.js';
import { type ProfileResult, profileRepo } from './profile.js';
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

/**
 * Repositories profiled at once in this thread. Listing and reading wait on the file system while
 * parsing keeps the thread busy, so a few in flight overlap the two; parsing stays one file at a
 * time (each parse and walk runs to the end without yielding, so the one parser is never shared).
 */
export const PROFILE_CONCURRENCY = 4;

/** Profiles every repository; failures are listed, the rest kept, both in input order. */
export async function profileCohort(
  paths: readonly string[],
  options: {
    collectors?: ReadonlySet<CollectorName>;
    config?: Config;
    onRepo?: (path: string) => void;
    /** Repositories in flight at once; 1 profiles them one after another. */
    concurrency?: number;
  } = {},
): Promise<CohortProfiles> {
  // Compiling the parser's wasm takes tens of milliseconds; when the python collector will need it,
  // start it while the first folders are listed. Copy detection alone lexes, and parses only what
  // the lexer declines, so it loads the parser on first need.
  if (options.collectors === undefined || options.collectors.has('python')) {
    import('../../collectors/python/parser.js').then((m) => m.pythonParser()).catch(() => {});
  }
  const lanes = Math.max(1, Math.min(options.concurrency ?? PROFILE_CONCURRENCY, paths.length));
  const results: ProfileResult[] = new Array(paths.length);
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await profileRepo(paths[i]!, options);
      options.onRepo?.(paths[i]!);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const result: CohortProfiles = { profiles: [], failures: [] };
  for (const got of results) {
    if (got.ok) result.profiles.push(got.profile);
    else result.failures.push({ path: got.path, reason: got.reason });
  }
  return result;
}
