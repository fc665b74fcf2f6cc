import type { GitFacts } from '../collectors/git/types.js';
import type { HerdDetection } from '../collectors/herd/types.js';
import type { Collected, Facts } from '../facts.js';
import type { FactsSummary, HerdSummary } from './report.js';
import {
  dataCollection,
  hasCustomData,
  hasScrapingOrApi,
  replication,
  toolOrPipeline,
} from './route-facts.js';

function ok<T>(collected: Collected<T>): T | null {
  return collected.status === 'ok' ? collected.data : null;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** Language name as reports show it: notebook kernels say `python`, the tree says `Python`. */
function languageName(lang: string): string {
  const lower = lang.toLowerCase();
  if (lower === 'python' || lower === 'python3') return 'Python';
  if (lower === 'r') return 'R';
  if (lower === 'julia') return 'Julia';
  if (lower === 'scala') return 'Scala';
  if (lower === 'sql') return 'SQL';
  if (lower === 'unknown') return 'Notebook';
  return lang.length > 0 ? lang[0]!.toUpperCase() + lang.slice(1) : 'Unknown';
}

/** Markup and styling: not a programming language of the project (an HTML report is output). */
const MARKUP: ReadonlySet<string> = new Set(['HTML', 'CSS', 'SCSS', 'Sass', 'Less']);
/** R Markdown documents count in the language of their chunks: R. */
const LANGUAGE_OF_DOCUMENT: Record<string, string> = { 'R Markdown': 'R' };

/** Bytes per programming language, with notebooks counted by their code cells rather than their outputs. */
export function languageMix(facts: Facts): Record<string, number> {
  const tree = ok(facts.tree);
  const notebooks = ok(facts.notebooks);
  const mix: Record<string, number> = {};
  for (const [lang, bytes] of Object.entries(tree?.languageBytes ?? {})) {
    if (MARKUP.has(lang)) continue;
    const name = LANGUAGE_OF_DOCUMENT[lang] ?? lang;
    mix[name] = (mix[name] ?? 0) + bytes;
  }
  for (const nb of notebooks?.notebooks ?? []) {
    if (nb.codeBytes === 0 || isCheckpoint(nb.path)) continue;
    const name = languageName(nb.language || 'python');
    mix[name] = (mix[name] ?? 0) + nb.codeBytes;
  }
  return Object.fromEntries(Object.entries(mix).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Jupyter's autosave copies: committed, but duplicates of the notebooks beside them. */
function isCheckpoint(path: string): boolean {
  return /(^|\/)\.ipynb_checkpoints\//.test(path);
}

/**
 * Notebooks tracked at the commit (docs/eval.md `notebooks`): autosave checkpoints left out, and
 * tracked notebooks that a partial checkout left out of the working tree counted all the same.
 */
export function notebookCount(facts: Facts): number {
  const notebooks = ok(facts.notebooks)?.notebooks ?? [];
  const absent = ok(facts.tree)?.skipped.filter(
    (s) => s.reason === 'not-checked-out' && /\.ipynb$/i.test(s.path) && !isCheckpoint(s.path),
  );
  return notebooks.filter((nb) => !isCheckpoint(nb.path)).length + (absent?.length ?? 0);
}

/** Hand-written `.py` files: notebook exports and generated files do not count. */
export function handWrittenModules(facts: Facts): number {
  const python = ok(facts.python);
  return python ? python.files.filter((f) => f.origin === 'module' && !f.generated && !f.skipped).length : 0;
}

/** The author date of a commit, which is what a reader means by "first commit". */
function commitDate(git: GitFacts, hash: string | null): string | null {
  if (!hash) return null;
  return git.commits.find((c) => c.hash === hash)?.date ?? null;
}

function herdSummary(d: HerdDetection): HerdSummary {
  return {
    id: d.id,
    name: d.name,
    confidence: d.confidence,
    role: d.role,
    evidence: d.evidence.map(({ strength: _strength, ...e }) => e),
  };
}

/** R, Stata, Julia or SQL code of the project's own (the tree's language bytes). */
function hasScripts(facts: Facts): boolean {
  const bytes = ok(facts.tree)?.languageBytes ?? {};
  return ['R', 'Julia', 'SQL', 'Stata'].some((l) => (bytes[l] ?? 0) > 0);
}

/** The stable, flat projection of facts published in the JSON contract. */
export function summariseFacts(facts: Facts): FactsSummary {
  const tree = ok(facts.tree);
  const git = ok(facts.git);
  const readme = ok(facts.readme);
  const manifests = ok(facts.manifests);
  const data = ok(facts.data);
  const infra = ok(facts.infra);
  const signals = ok(facts.signals);
  const herd = ok(facts.herd);
  const pythonModules = handWrittenModules(facts);
  const notebooksTracked = notebookCount(facts);
  const collection = dataCollection(signals, herd);
  const unavailable = Object.entries(facts)
    .filter(([, c]) => c.status !== 'ok')
    .map(([collector, c]) => ({ collector, reason: c.status === 'unavailable' ? c.reason : '' }))
    .filter((u) => u.reason !== 'not requested');

  return {
    git:
      tree?.isGitRepo && git
        ? {
            isRepo: true,
            shallow: git.shallow,
            commitCount: git.commitCount,
            spanDays: git.spanDays,
            activeDays: git.activeDays,
            authors: git.authors.map((a) => ({
              name: a.name,
              emails: a.emails,
              commits: a.commits,
              bot: a.isBot,
            })),
            botCommits: git.botCommits,
            mergeCommits: git.mergeCommits,
            branches: git.distinctBranches.length,
            firstCommit: commitDate(git, git.firstCommit),
            lastCommit: commitDate(git, git.lastCommit),
            incomplete: git.incomplete ?? null,
            defaultBranch: git.defaultBranch ?? null,
            otherBranches: git.otherBranches ?? [],
            bots: git.authors.filter((a) => a.isBot).map((a) => ({ name: a.name, commits: a.commits })),
          }
        : null,
    readme: {
      present: readme?.present ?? false,
      path: readme?.path ?? null,
      words: readme?.words ?? 0,
      sections: readme?.sections.map((s) => s.title) ?? [],
      runInstructions:
        (readme?.runCommands.length ?? 0) > 0 || (readme?.subprojectRunCommands?.length ?? 0) > 0,
      runInstructionsIn: readme?.runInstructionsIn ?? null,
    },
    languages: languageMix(facts),
    files: tree?.files.length ?? 0,
    filesTruncated: tree?.truncated ?? false,
    notebooks: notebooksTracked,
    dependencyManifests: manifests?.manifests.map((m) => m.path) ?? [],
    pinnedDependencies: manifests?.pinned === true,
    undeclaredImports: unique(manifests?.undeclaredImports.map((u) => u.module) ?? []).sort(),
    tests: (infra?.tests.files.length ?? 0) > 0,
    // A compose file defines containers too (docs/eval.md `dockerfile`).
    dockerfile: (infra?.dockerfiles.length ?? 0) + (infra?.compose.length ?? 0) > 0,
    ci: (infra?.ci.files.length ?? 0) > 0,
    webApps: unique(infra?.webApps.map((w) => w.framework.toLowerCase()) ?? []).sort(),
    deploymentConfigs: unique(infra?.deployment.map((d) => d.path) ?? []).sort(),
    notebookOnly: notebooksTracked > 0 && pythonModules === 0,
    pythonModules,
    dataFiles: data?.files.length ?? 0,
    ...(data?.sampled && data.sampled.length > 0
      ? {
          dataSampled: data.sampled.map((s) => ({
            folder: s.folder,
            extension: s.ext,
            files: s.files,
            read: s.read,
          })),
        }
      : {}),
    customData: hasCustomData(collection, signals, herd),
    scrapingOrApi: hasScrapingOrApi(collection),
    dataCollection: collection,
    paperReferences: unique(signals?.paperReferences.map((p) => p.id) ?? []).sort(),
    replication: replication(signals, pythonModules > 0 || notebooksTracked > 0 || hasScripts(facts)),
    toolOrPipeline: toolOrPipeline(signals, infra),
    testFrameworks: infra?.tests.frameworks ?? [],
    pretrainedModels: unique(signals?.pretrainedModels.map((p) => p.name) ?? []).sort(),
    stack: unique(signals?.stack.map((s) => s.library) ?? []),
    // The portfolio view compares notebook shapes across repositories.
    cookieCutterNotebooks: unique(signals?.cookieCutterNotebooks.map((n) => n.file) ?? []).sort(),
    stockDatasets: herd?.stockDatasets.map(herdSummary) ?? [],
    capstones: herd?.capstones.map(herdSummary) ?? [],
    overusedTopics: herd?.topics.map(herdSummary) ?? [],
    unavailable,
  };
}
