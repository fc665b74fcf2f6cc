import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import type { NotebooksFacts } from '../notebooks/types.js';
import type { PyCall } from '../python/types.js';
import { scanScripts } from '../scripts/scan.js';
import type { TreeFile } from '../tree/types.js';
import { bibEntries, findCitations } from './citations.js';
import { indexByFile } from './code-index.js';
import { findCollection } from './collection.js';
import { findCookieCutter } from './cookie-cutter.js';
import { findPaperComparisons, findPaperReferences, findReplicationPhrases } from './papers.js';
import { findPoliteness } from './politeness.js';
import { type CallText, findPretrained, needsCallText } from './pretrained.js';
import { findAssembledData, findProvenance } from './provenance.js';
import { findRCollection } from './r-collection.js';
import { findFromScratch, findTool } from './routes.js';
import { findStack } from './stack.js';
import { docSources, notebookSources, readmeSource, type TextSource } from './text-sources.js';
import type { SignalsFacts } from './types.js';
import { findUnstructured } from './unstructured.js';

/** Lines after a call's first line that may still hold its keyword arguments. */
const CALL_SPAN_LINES = 6;
/** Module files read again, at most, to see `pretrained=True`-style arguments. */
const MAX_REREAD_FILES = 50;
const MAX_REREAD_BYTES = 256 * 1024;

/** Exported survey responses committed as data (Google Forms, Typeform, Qualtrics exports). */
const SURVEY_EXPORT =
  /(^|\/)[^/]*(survey|questionnaire|form[ _-]?responses|typeform|qualtrics)[^/]*\.(csv|tsv|xlsx?|json)$/i;

export default defineCollector({
  name: 'signals',
  needs: ['tree', 'python', 'readme', 'notebooks'],
  async collect({ files, facts }) {
    const { tree, python, readme, notebooks } = facts;
    const problems: SignalsFacts['problems'] = [];
    const code = indexByFile(python);
    const perFile = [...code.values()];

    const sources: TextSource[] = notebookSources(notebooks);
    const readmeText = await readmeSource(files, readme, problems);
    if (readmeText) sources.unshift(readmeText);
    sources.push(...(await docSources(files, tree.files, readme.path, problems)));

    const scripts = await scanScripts(files, tree.files);
    const collection = [
      ...findCollection(perFile),
      ...findRCollection(scripts),
      ...surveyExports(tree.files),
      ...personalExports(tree.files),
    ];
    const scrapyCfg = tree.files.find((f) => /(^|\/)scrapy\.cfg$/.test(f.path));
    if (scrapyCfg && !collection.some((c) => c.library === 'scrapy'))
      collection.push({ library: 'scrapy', kind: 'scraping', file: scrapyCfg.path });
    const callText = await callTextReader(files, notebooks, python.calls, problems);
    const collecting = new Set(collection.map((c) => c.file));

    const pretrainedModels = findPretrained(perFile, callText);
    return {
      collection,
      provenance: [
        ...findProvenance(sources, tree.files, collecting),
        ...findAssembledData(sources, tree.files),
      ],
      paperReferences: [
        ...findPaperReferences(sources, python.strings),
        ...findCitations(sources).map(({ text: _text, ...c }) => ({ ...c, kind: 'citation' as const })),
        ...(await bibliographies(files, tree.files, problems)),
      ],
      replicationPhrases: findReplicationPhrases(sources),
      paperComparisons: findPaperComparisons(sources),
      pretrainedModels,
      trainsFromScratch: findFromScratch(sources, perFile, pretrainedModels.length),
      tool: findTool(tree.files, python, perFile, await packaging(files, tree.files, problems)),
      stack: findStack(perFile),
      cookieCutterNotebooks: findCookieCutter(perFile, new Set(python.localModules), collecting),
      unstructuredData: findUnstructured(perFile, tree.files),
      politeness: findPoliteness(perFile),
      problems,
    };
  },
});

/** BibTeX files read, and bytes of each: a write-up has one or two. */
const MAX_BIB_FILES = 5;
const MAX_BIB_BYTES = 512 * 1024;

/** Papers listed in the project's BibTeX bibliographies (vendored folders left out). */
async function bibliographies(
  files: RepoFiles,
  tree: readonly TreeFile[],
  problems: SignalsFacts['problems'],
): Promise<SignalsFacts['paperReferences']> {
  const out: SignalsFacts['paperReferences'] = [];
  const bibs = tree.filter((f) => /\.bib$/i.test(f.path) && f.size > 0).slice(0, MAX_BIB_FILES);
  for (const f of bibs) {
    try {
      const read = await files.readText(f.path, MAX_BIB_BYTES);
      if (read.encoding !== 'binary') out.push(...bibEntries(read.text, f.path));
    } catch (err) {
      problems.push({ file: f.path, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

/** Bytes of a packaging file read for its console scripts. */
const MAX_PACKAGING_BYTES = 128 * 1024;

/** Console scripts declared in pyproject.toml or setup.py/setup.cfg, and an R package's DESCRIPTION. */
async function packaging(
  files: RepoFiles,
  tree: readonly TreeFile[],
  problems: SignalsFacts['problems'],
): Promise<{ consoleScripts: string[]; scriptsFile: string | null; rPackage: string | null }> {
  const consoleScripts: string[] = [];
  let scriptsFile: string | null = null;
  let rPackage: string | null = null;
  for (const f of tree) {
    if (!/^(pyproject\.toml|setup\.py|setup\.cfg|DESCRIPTION)$/.test(f.path)) continue;
    const text = await files.readTextOrNull(f.path, MAX_PACKAGING_BYTES, problems);
    if (text === null) continue;
    if (f.path === 'DESCRIPTION') {
      if (/^Package:\s*\S+/m.test(text)) rPackage = f.path;
      continue;
    }
    const before = consoleScripts.length;
    consoleScripts.push(...scriptNames(text, f.path));
    if (consoleScripts.length > before) scriptsFile ??= f.path;
  }
  return { consoleScripts: [...new Set(consoleScripts)], scriptsFile, rPackage };
}

/** Names of console scripts: `[project.scripts]` tables, `console_scripts` entry points. */
function scriptNames(text: string, path: string): string[] {
  const out: string[] = [];
  if (path === 'pyproject.toml') {
    const table = /^\[(?:project\.scripts|tool\.poetry\.scripts)\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(
      text,
    );
    for (const m of table?.[1]?.matchAll(/^\s*["']?([\w.-]+)["']?\s*=/gm) ?? []) out.push(m[1]!);
    return out;
  }
  const section = /console_scripts[\s\S]{0,2000}/.exec(text)?.[0] ?? '';
  for (const m of section.matchAll(/["']?\s*([\w.-]+)\s*=\s*[\w.]+:[\w.]+/g)) out.push(m[1]!);
  return out;
}

/**
 * Exports of the author's own records: Google Takeout, Apple Health, Strava, Spotify and
 * YouTube histories, Fitbit/Garmin, bank statements. Recorded by the author, so their own data.
 */
const PERSONAL_EXPORTS: [RegExp, string][] = [
  [/(^|\/)takeout(-\d+)?\//i, 'Google Takeout export'],
  [/(^|\/)(apple_health_export\/|[^/]*\/?export\.xml$|export_cda\.xml$)/i, 'Apple Health export'],
  [
    /(^|\/)[^/]*strava[^/]*\.(csv|json|gpx|fit)$|(^|\/)strava[^/]*\/|(^|\/)activities\/[^/]+\.(gpx|fit|tcx)$/i,
    'Strava export',
  ],
  [
    /(^|\/)(StreamingHistory\d*|Streaming_History_Audio[^/]*|endsong_\d+)\.json$/i,
    'Spotify streaming history',
  ],
  [/(^|\/)(watch-history|search-history)\.(json|html)$/i, 'YouTube history (Takeout)'],
  [/(^|\/)[^/]*(fitbit|garmin)[^/]*\.(csv|json|fit|tcx)$/i, 'Fitbit/Garmin export'],
  [
    /(^|\/)[^/]*(bank[_ -]?statement|account[_ -]?statement|kontoauszug|my[_ -]?transactions)[^/]*\.(csv|xlsx?|ofx|qif)$/i,
    'bank export',
  ],
];

function personalExports(tree: readonly TreeFile[]): SignalsFacts['collection'] {
  const out: SignalsFacts['collection'] = [];
  const seen = new Set<string>();
  for (const f of tree) {
    for (const [re, library] of PERSONAL_EXPORTS) {
      if (seen.has(library) || !re.test(f.path)) continue;
      // export.xml alone is generic; Apple Health's sits beside its own folder name or is large.
      if (library === 'Apple Health export' && !/apple|health/i.test(f.path)) continue;
      seen.add(library);
      out.push({ library, kind: 'export', file: f.path });
    }
  }
  return out;
}

function surveyExports(tree: readonly TreeFile[]): SignalsFacts['collection'] {
  return tree
    .filter((f) => f.kind === 'data' && SURVEY_EXPORT.test(f.path))
    .map((f) => ({ library: 'survey export', kind: 'survey' as const, file: f.path }));
}

/**
 * The python facts keep only string-valued keyword arguments; whether `pretrained=True` was passed
 * needs the call's own text. Notebook cells are already in the facts; module files are read again,
 * bounded, and only those with a call that needs it.
 */
async function callTextReader(
  files: RepoFiles,
  notebooks: NotebooksFacts,
  calls: readonly PyCall[],
  problems: SignalsFacts['problems'],
): Promise<CallText> {
  const cells = new Map<string, string[]>();
  for (const nb of notebooks.notebooks) {
    for (const cell of nb.cells)
      if (cell.type === 'code') cells.set(`${nb.path}#${cell.index}`, cell.source.split('\n'));
  }
  const modules = new Map<string, string[]>();
  const wanted = [
    ...new Set(calls.filter((c) => c.cell === undefined && needsCallText(c)).map((c) => c.file)),
  ];
  for (const file of wanted.slice(0, MAX_REREAD_FILES)) {
    try {
      const read = await files.readText(file, MAX_REREAD_BYTES);
      if (read.encoding !== 'binary') modules.set(file, read.text.split('\n'));
    } catch (err) {
      problems.push({ file, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return (call) => {
    const lines = call.cell === undefined ? modules.get(call.file) : cells.get(`${call.file}#${call.cell}`);
    if (!lines) return null;
    return lines
      .slice(call.line - 1, call.line - 1 + CALL_SPAN_LINES)
      .map((l) => l.slice(0, 2_000))
      .join('\n');
  };
}
