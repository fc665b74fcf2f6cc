import type { AnyCheck, CheckResult } from '../../src/checks/types.js';
import { analyseRepo, collectFacts } from '../../src/engine/analyse.js';
import { runCheck } from '../../src/engine/run-check.js';
import { COLLECTOR_ORDER, type Facts, type FactsData } from '../../src/facts.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { RepoFiles } from '../../src/source/repo-files.js';

/** Wraps partial facts as collected; keys not given are unavailable (a check needing them is unknown). */
export function factsOf(data: Partial<FactsData>): Facts {
  const facts = {} as Record<string, unknown>;
  for (const name of COLLECTOR_ORDER) {
    const value = data[name];
    facts[name] =
      value === undefined
        ? { status: 'unavailable', reason: 'not in this test' }
        : { status: 'ok', data: value };
  }
  return facts as Facts;
}

/** Runs one check against a facts literal. */
export function checkFacts(check: AnyCheck, data: Partial<FactsData>, options?: unknown): CheckResult {
  return runCheck(check, factsOf(data), options ?? check.options);
}

/** Collects all facts of a folder on disk. */
export async function collect(dir: string): Promise<Facts> {
  const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
  return collectFacts(files);
}

/** Collects the facts of a folder and returns one collector's data, failing the test if unavailable. */
export async function collectOne<K extends keyof FactsData>(dir: string, name: K): Promise<FactsData[K]> {
  const facts = await collect(dir);
  const got = facts[name];
  if (got.status !== 'ok') throw new Error(`collector ${name} unavailable: ${got.reason}`);
  return got.data as FactsData[K];
}

/** Runs one check against a real folder (all collectors). */
export async function checkRepo(check: AnyCheck, dir: string): Promise<CheckResult> {
  return runCheck(check, await collect(dir), check.options);
}

export { analyseRepo };
