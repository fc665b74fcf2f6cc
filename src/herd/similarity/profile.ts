import { basename } from 'node:path';
import type { Collector } from '../../collectors/define.js';
import notebooksCollector from '../../collectors/notebooks/index.js';
import treeCollector from '../../collectors/tree/index.js';
import { type Config, DEFAULT_CONFIG } from '../../config.js';
import { runCollectors } from '../../engine/collect.js';
import { describeError, UnherdError } from '../../errors.js';
import type { CollectorName, FactsData } from '../../facts.js';
import { RepoFiles } from '../../source/repo-files.js';
import { extractFeatures } from './features.js';
import { fingerprintRepo } from './fingerprint.js';
import type { RepoFeatures, RepoProfile } from './types.js';

/** Code only (copy detection): the cheap collectors. */
export const CODE_COLLECTORS: ReadonlySet<CollectorName> = new Set(['tree', 'notebooks']);
const CODE_ONLY = [treeCollector, notebooksCollector] as unknown as readonly Collector<
  CollectorName,
  CollectorName
>[];
/** Code plus data, topic and stack (the reference index, neighbours). */
export const PROFILE_COLLECTORS: ReadonlySet<CollectorName> = new Set([
  'tree',
  'notebooks',
  'python',
  'readme',
  'data',
  'signals',
  'herd',
]);

const noFeatures = (): RepoFeatures => ({
  datasets: [],
  headers: [],
  topics: [],
  titleWords: [],
  stack: [],
  headings: [],
});

/** Whether a request asks for nothing beyond the code collectors (whichever set object holds them). */
function isCodeOnly(collectors: ReadonlySet<CollectorName>): boolean {
  for (const name of collectors) if (!CODE_COLLECTORS.has(name)) return false;
  return true;
}

export type ProfileResult = { ok: true; profile: RepoProfile } | { ok: false; path: string; reason: string };

/**
 * Builds the similarity profile of one repository from the audit's own collectors. Never throws:
 * a repository that cannot be opened or listed is a failure with the reason.
 */
export async function profileRepo(
  path: string,
  options: { collectors?: ReadonlySet<CollectorName>; config?: Config } = {},
): Promise<ProfileResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  try {
    const files = await RepoFiles.open(path, config.limits);
    // Copy detection needs two collectors; loading them alone keeps its start quick.
    const codeOnly = options.collectors !== undefined && isCodeOnly(options.collectors);
    const facts = codeOnly
      ? await runCollectors(CODE_ONLY, files, CODE_COLLECTORS, config)
      : await (await import('../../engine/analyse.js')).collectFacts(
          files,
          options.collectors ?? PROFILE_COLLECTORS,
          config,
        );
    if (facts.tree.status !== 'ok') throw new UnherdError('UNREADABLE', facts.tree.reason);
    const data: Partial<FactsData> = {};
    for (const [name, got] of Object.entries(facts)) {
      if (got.status === 'ok') (data as Record<string, unknown>)[name] = got.data;
    }
    const notebooks = data.notebooks ?? { notebooks: [] };
    const code = await fingerprintRepo(files, facts.tree.data, notebooks);
    const name = basename(files.root);
    // Copy detection compares code alone; the features would be computed for nothing.
    const features = codeOnly ? noFeatures() : extractFeatures(data);
    return { ok: true, profile: { path, name, root: files.root, code, features } };
  } catch (err) {
    return { ok: false, path, reason: describeError(err) };
  }
}
