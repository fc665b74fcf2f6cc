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
export async function runCollectors(
  collectors: readonly Collector<CollectorName, CollectorName>[],
  files: RepoFiles,
  needed?: ReadonlySet<CollectorName>,
  config: Config = DEFAULT_CONFIG,
): Promise<Facts> {
  const git = locateGitDir(files.root);
  const facts = {} as Record<CollectorName, Collected<unknown>>;
  for (const collector of collectors) {
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
  }
  return facts as Facts;
}
