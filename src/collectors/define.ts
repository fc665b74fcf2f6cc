import type { Config } from '../config.js';
import type { CollectorName, FactsData } from '../facts.js';
import type { Limits } from '../limits.js';
import type { GitRepoLocation } from '../source/git.js';
import type { RepoFiles } from '../source/repo-files.js';

export interface CollectorContext<D extends CollectorName> {
  files: RepoFiles;
  /** The repository's own git directory, or null for a plain folder. */
  git: GitRepoLocation | null;
  limits: Limits;
  /** The run's configuration (extra catalogue files, thresholds); absent in unit tests of a single collector. */
  config?: Config;
  /** Facts of the collectors named in `needs`; the engine runs those first. */
  facts: Pick<FactsData, D>;
}

export interface Collector<N extends CollectorName = CollectorName, D extends CollectorName = CollectorName> {
  name: N;
  needs: readonly D[];
  collect(ctx: CollectorContext<D>): Promise<FactsData[N]>;
}

export function defineCollector<N extends CollectorName, D extends CollectorName = never>(
  definition: Collector<N, D>,
): Collector<N, D> {
  return definition;
}
