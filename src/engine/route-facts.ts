import type { HerdFacts } from '../collectors/herd/types.js';
import type { InfraFacts } from '../collectors/infra/types.js';
import type { SignalsFacts } from '../collectors/signals/types.js';
import type { FactsSummary } from './report.js';

type Collection = NonNullable<FactsSummary['dataCollection']>[number];

/** Kinds of collection that gather from outside the project; a database driver alone is storage. */
const GATHERING: ReadonlySet<string> = new Set(['scraping', 'api', 'sensor', 'survey', 'export']);

/**
 * Every collection site found, and whether it counts as the author's own data (docs/facts.md):
 * a database driver is storage, and a course capstone's guided API or scraping lab is the
 * course's collection, not the candidate's.
 */
export function dataCollection(signals: SignalsFacts | null, herd: HerdFacts | null): Collection[] {
  const guided = herd?.capstones.find((c) => c.role === 'flagship' && c.guidedCollection === true);
  return (signals?.collection ?? []).map((c) => {
    const base = { method: c.library, kind: c.kind, file: c.file, ...(c.line ? { line: c.line } : {}) };
    if (!GATHERING.has(c.kind))
      return { ...base, counted: false, reason: 'a database driver stores or reads data; it gathers none' };
    if (guided && (c.kind === 'api' || c.kind === 'scraping'))
      return { ...base, counted: false, reason: `a guided step of the course capstone "${guided.name}"` };
    return { ...base, counted: true };
  });
}

/** customData: the author's code gathers data from an outside source, or the author recorded it. */
export function hasCustomData(
  collection: readonly Collection[],
  signals: SignalsFacts | null,
  herd: HerdFacts | null,
): boolean {
  if (collection.some((c) => c.counted)) return true;
  // Provenance sentences of a guided capstone describe the course's collection too.
  if (herd?.capstones.some((c) => c.role === 'flagship' && c.guidedCollection === true)) return false;
  return signals?.provenance.some((p) => p.ownCollection) ?? false;
}

/** scrapingOrApi: counted collection that scrapes pages or calls an outside API. */
export function hasScrapingOrApi(collection: readonly Collection[]): boolean {
  return collection.some((c) => c.counted && (c.kind === 'scraping' || c.kind === 'api'));
}

type Evidence = NonNullable<FactsSummary['replication']>['evidence'][number];

function evidence(
  signal: Evidence['signal'],
  detail: string,
  at: { file: string; line?: number; cell?: number },
): Evidence {
  return {
    signal,
    detail,
    file: at.file,
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.cell !== undefined ? { cell: at.cell } : {}),
  };
}

/**
 * A replication is recognised when the project says it replicates or re-implements a paper, cites
 * it (an id, an author–year citation or a quoted title), and has code of its own. A reference list
 * alone is a citation, not a replication.
 */
export function replication(signals: SignalsFacts | null, hasOwnCode: boolean): FactsSummary['replication'] {
  const claims = signals?.replicationPhrases ?? [];
  const papers = signals?.paperReferences ?? [];
  const comparisons = signals?.paperComparisons ?? [];
  const scratch = signals?.trainsFromScratch ?? null;
  const out: Evidence[] = [
    ...claims.slice(0, 2).map((c) => evidence('claim', c.text, c)),
    ...papers.slice(0, 3).map((p) => evidence('paper', p.id, p)),
    ...comparisons.slice(0, 2).map((c) => evidence('comparison', c.text, c)),
    ...(scratch ? [evidence('from-scratch', scratch.via, scratch)] : []),
  ];
  return {
    recognised: claims.length > 0 && papers.length > 0 && hasOwnCode,
    claimsReplication: claims.length > 0,
    citesPaper: papers.length > 0,
    comparesWithPaper: comparisons.length > 0,
    trainsFromScratch: scratch !== null,
    papers: [...new Set(papers.map((p) => p.id))].sort(),
    evidence: out,
  };
}

/** A tool or pipeline project: a package with modules, a command, a pipeline, a scraper framework. */
export function toolOrPipeline(
  signals: SignalsFacts | null,
  infra: InfraFacts | null,
): FactsSummary['toolOrPipeline'] {
  const tool = signals?.tool;
  const pipelines = new Set(tool?.pipelines ?? []);
  for (const e of infra?.entryPoints ?? [])
    if (['snakemake', 'dvc', 'nextflow', 'mlflow'].includes(e.kind)) pipelines.add(e.kind);
  const cli = new Set(tool?.cliEntryPoints ?? []);
  for (const e of infra?.entryPoints ?? [])
    if (e.kind === 'console-script' && e.detail && ![...cli].includes(e.detail)) cli.add(e.detail);
  const kinds = new Set(tool?.kinds ?? []);
  if (pipelines.size > 0) kinds.add('pipeline');
  if (cli.size > 0) kinds.add('cli');
  const order = ['package', 'cli', 'pipeline', 'scraper'] as const;
  const packaged = (tool?.package ?? false) && (tool?.importableModules ?? 0) > 0;
  return {
    recognised:
      packaged ||
      pipelines.size > 0 ||
      (tool?.scraperFramework ?? false) ||
      (kinds.has('cli') && kinds.has('package')),
    kinds: order.filter((k) => kinds.has(k)),
    package: tool?.package ?? false,
    importableModules: tool?.importableModules ?? 0,
    cliEntryPoints: [...cli].sort(),
    pipelines: [...pipelines].sort(),
    scraperFramework: tool?.scraperFramework ?? false,
    evidence: (tool?.evidence ?? []).map((e) => ({ file: e.file })),
  };
}
