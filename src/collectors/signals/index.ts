import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import type { NotebooksFacts } from '../notebooks/types.js';
import type { PyCall } from '../python/types.js';
import type { TreeFile } from '../tree/types.js';
import { indexByFile } from './code-index.js';
import { findCollection } from './collection.js';
import { findCookieCutter } from './cookie-cutter.js';
import { findPaperComparisons, findPaperReferences, findReplicationPhrases } from './papers.js';
import { findPoliteness } from './politeness.js';
import { type CallText, findPretrained, needsCallText } from './pretrained.js';
import { findProvenance } from './provenance.js';
import { findStack } from './stack.js';
import { notebookSources, readmeSource, type TextSource } from './text-sources.js';
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

    const collection = [...findCollection(perFile), ...surveyExports(tree.files)];
    const callText = await callTextReader(files, notebooks, python.calls, problems);
    const collecting = new Set(collection.map((c) => c.file));

    return {
      collection,
      provenance: findProvenance(sources, tree.files),
      paperReferences: findPaperReferences(sources, python.strings),
      replicationPhrases: findReplicationPhrases(sources),
      paperComparisons: findPaperComparisons(sources),
      pretrainedModels: findPretrained(perFile, callText),
      stack: findStack(perFile),
      cookieCutterNotebooks: findCookieCutter(perFile, new Set(python.localModules), collecting),
      unstructuredData: findUnstructured(perFile, tree.files),
      politeness: findPoliteness(perFile),
      problems,
    };
  },
});

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
