import { DEFAULT_CONFIG } from '../config.js';
import { collectFacts } from '../engine/analyse.js';
import type { Report } from '../engine/report.js';
import { describeError } from '../errors.js';
import type { CollectorName } from '../facts.js';
import { RepoFiles } from '../source/repo-files.js';
import { Portfolio, type RepoFacts } from './evidence.js';
import type { PortfolioRepo } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** The collectors whose facts carry evidence with file, line, cell or commit. */
const EVIDENCE_COLLECTORS: ReadonlySet<CollectorName> = new Set([
  'tree',
  'git',
  'notebooks',
  'python',
  'readme',
  'manifests',
  'infra',
  'signals',
]);

/**
 * The portfolio behind an audit report. The audit publishes a flat summary of its facts; the
 * matcher needs them with their places (imports with file and line, notebook cells, commits), so
 * it collects the facts of each audited repository again through the engine's collectors.
 */
export async function portfolioFromAudit(
  report: Report,
  vocabulary: Vocabulary,
): Promise<{ portfolio: Portfolio; repos: PortfolioRepo[] }> {
  const repos: PortfolioRepo[] = [];
  const facts: RepoFacts[] = [];
  const names = new Map<string, number>();
  for (const r of report.repos) {
    if (r.input?.duplicateOf !== undefined) continue;
    // Two repositories with the same name (forks of one project) stay apart in the evidence.
    const seen = names.get(r.name) ?? 0;
    names.set(r.name, seen + 1);
    const name = seen === 0 ? r.name : `${r.name}#${seen + 1}`;
    const entry: PortfolioRepo = { path: r.path, name, score: r.score, error: r.error };
    repos.push(entry);
    if (r.error !== null || r.root === null) continue;
    try {
      const files = await RepoFiles.open(r.root, DEFAULT_CONFIG.limits);
      facts.push({ name, facts: await collectFacts(files, EVIDENCE_COLLECTORS) });
    } catch (err) {
      entry.error = `could not collect its facts: ${describeError(err)}`;
    }
  }
  return { portfolio: new Portfolio(facts, vocabulary), repos };
}
