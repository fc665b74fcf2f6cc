import { type Config, DEFAULT_CONFIG } from '../../config.js';
import type { CollectorName } from '../../facts.js';
import { RepoFiles } from '../../source/repo-files.js';

/** The herd collector and what it reads: enough to recognise a course capstone. */
const CAPSTONE_COLLECTORS: ReadonlySet<CollectorName> = new Set([
  'tree',
  'python',
  'notebooks',
  'data',
  'readme',
  'herd',
]);
/** The herd checks' default: below it a capstone match is a guess. */
const SURE = 0.6;

/**
 * The course capstones the herd catalogue recognises in a repository, most certain first. Copy
 * detection asks only for the repositories it pairs, so a cohort without copies costs nothing more.
 * A repository that cannot be read has none.
 */
export async function capstonesOf(path: string, config: Config = DEFAULT_CONFIG): Promise<string[]> {
  try {
    const files = await RepoFiles.open(path, config.limits);
    const { collectFacts } = await import('../../engine/analyse.js');
    const facts = await collectFacts(files, CAPSTONE_COLLECTORS, config);
    if (facts.herd.status !== 'ok') return [];
    return facts.herd.data.capstones
      .filter((c) => c.confidence >= SURE)
      .sort((a, b) => b.confidence - a.confidence)
      .map((c) => c.id);
  } catch {
    return [];
  }
}
