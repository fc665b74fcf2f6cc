import type { Collector } from '../collectors/define.js';
import { type Config, DEFAULT_CONFIG } from '../config.js';
import { describeError } from '../errors.js';
import type { Collected, CollectorName, Facts, FactsData } from '../facts.js';
import { locateGitDir } from '../source/git.js';
import type { RepoFiles } from '../source/repo-files.js';

/**
 * Runs collectors, in the order given (each after the ones it needs), over one repository. Never
 * throws: a failing collector becomes unavailable. Kept apart from the list of all collectors so
 * that copy detection can run two of them without loading the rest.
 */
/**
 * Collectors that read the repository only through git processes, never through RepoFiles: they
 * start at once and run beside the others, so the wait for `git log` overlaps the tree walk and
 * parsing. The rest run one after another, so RepoFiles' byte budget is spent in a fixed order.
 */
const SIDE_BY_SIDE: ReadonlySet<CollectorName> = new Set<CollectorName>(['git']);

export async function runCollectors(
  collectors: readonly Collector<CollectorName, CollectorName>[],
  files: RepoFiles,
  needed?: ReadonlySet<CollectorName>,
  config: Config = DEFAULT_CONFIG,
): Promise<Facts> {
  const git = locateGitDir(files.root);
  const facts = {} as Record<CollectorName, Collected<unknown>>;
  const running = new Map<CollectorName, Promise<void>>();
  const run = async (collector: Collector<CollectorName, CollectorName>): Promise<void> => {
    const view: Partial<FactsData> = {};
    for (const n of collector.needs as CollectorName[]) {
      const got = facts[n];
      if (got?.status === 'ok') (view as Record<string, unknown>)[n] = got.data;
    }
    try {
      const data = await collector.collect({
        files,
        git,
        limits: files.limits,
        config,
        facts: view as never,
      });
      facts[collector.name] = { status: 'ok', data };
    } catch (err) {
      facts[collector.name] = { status: 'unavailable', reason: describeError(err) };
    }
  };
  for (const collector of collectors) {
    for (const n of collector.needs as CollectorName[]) await running.get(n);
    if (needed && !needed.has(collector.name)) {
      facts[collector.name] = { status: 'unavailable', reason: 'not requested' };
      continue;
    }
    const missing = collector.needs.find((n: CollectorName) => facts[n]?.status !== 'ok');
    if (missing) {
      const dep = facts[missing];
      const why = dep && dep.status === 'unavailable' ? dep.reason : 'not collected';
      facts[collector.name] = {
        status: 'unavailable',
        reason: `needs ${missing}, which is unavailable (${why})`,
      };
      continue;
    }
    if (SIDE_BY_SIDE.has(collector.name) && collector.needs.length === 0)
      running.set(collector.name, run(collector));
    else await run(collector);
  }
  await Promise.all(running.values());
  // Keys in the collectors' order whatever finished first, so the facts serialise the same way.
  const ordered = {} as Record<CollectorName, Collected<unknown>>;
  for (const collector of collectors) ordered[collector.name] = facts[collector.name];
  return ordered as Facts;
}
