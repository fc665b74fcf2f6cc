import { describeError } from '../../errors.js';
import { type CollectorContext, defineCollector } from '../define.js';
import { languageOf } from '../tree/classify.js';
import type { TreeFile } from '../tree/types.js';
import { analyseDoc, type ReadmeContent } from './analyse.js';
import { formatOf, locateReadme } from './locate.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePlain } from './parse-plain.js';
import type { ReadmeFacts } from './types.js';

/** A README is prose: more than this is a book, and parsing it gains nothing. */
const MAX_README_BYTES = 512 * 1024;

const EMPTY: ReadmeContent = {
  title: null,
  intro: null,
  words: 0,
  sections: [],
  links: [],
  images: [],
  codeBlocks: [],
  runCommands: [],
  badges: 0,
  metrics: [],
  baselineMentions: [],
  placeholders: [],
};

export default defineCollector({
  name: 'readme',
  needs: ['tree'],
  async collect(ctx): Promise<ReadmeFacts> {
    const facts = await mainReadme(ctx);
    if (facts.runCommands.length > 0) return { ...facts, runInstructionsIn: facts.path };
    // A repository holding one project in a subfolder: that project's README tells how to run it.
    const sub = subprojectReadme(ctx.facts.tree.files, facts.path);
    // With a README at the root, a subfolder's README speaks for the repository only when that
    // folder holds the project: a front end's `client/README.md` beside a server is one part's.
    if (sub && facts.present && !holdsTheProject(ctx.facts.tree.files, sub)) {
      return { ...facts, runInstructionsIn: null };
    }
    if (!sub) return { ...facts, runInstructionsIn: null };
    const subFacts = await readmeAt(ctx, sub);
    return subFacts.runCommands.length > 0
      ? { ...facts, runInstructionsIn: sub, subprojectRunCommands: subFacts.runCommands }
      : { ...facts, runInstructionsIn: null };
  },
});

const NOT_PROJECT_FOLDER =
  /(^|\/)(\.github|docs?|\.?venv|env|site-packages|node_modules|vendor|third_party|external|renv|tests?|data|datasets?|\.pytest_cache|build|dist)\//i;
const README_NAME = /(^|\/)readme(\.(md|markdown|rst|txt))?$/i;

/** The only README below the root (one or two folders deep), when there is exactly one. */
function subprojectReadme(tree: readonly TreeFile[], main: string | null): string | null {
  const found = tree
    .map((f) => f.path)
    .filter((p) => p !== main && README_NAME.test(p) && p.includes('/') && p.split('/').length <= 3)
    .filter((p) => !NOT_PROJECT_FOLDER.test(p));
  const folders = new Set(found.map((p) => p.slice(0, p.lastIndexOf('/'))));
  return folders.size === 1 ? (found.sort((a, b) => formatRank(a) - formatRank(b))[0] ?? null) : null;
}

/** Share of the repository's code files (sources and notebooks) a folder must hold to be the project. */
const PROJECT_SHARE = 0.8;

function holdsTheProject(tree: readonly TreeFile[], readme: string): boolean {
  const folder = readme.slice(0, readme.lastIndexOf('/') + 1);
  const code = tree.filter((f) => f.kind === 'notebook' || isCode(f.path));
  if (code.length === 0) return false;
  const inside = code.filter((f) => f.path.startsWith(folder)).length;
  return inside >= PROJECT_SHARE * code.length;
}

function isCode(path: string): boolean {
  const language = languageOf(path);
  return language !== null && !['HTML', 'CSS', 'Dockerfile', 'Makefile', 'Shell'].includes(language);
}

function formatRank(path: string): number {
  const f = formatOf(path);
  return f === 'markdown' ? 0 : f === 'rst' ? 1 : 2;
}

async function mainReadme(ctx: CollectorContext<'tree'>): Promise<ReadmeFacts> {
  const path = locateReadme(ctx.facts.tree.files);
  if (!path) {
    return { present: false, path: null, format: null, encoding: null, truncated: false, ...EMPTY };
  }
  return readmeAt(ctx, path);
}

async function readmeAt({ files, limits }: CollectorContext<'tree'>, path: string): Promise<ReadmeFacts> {
  {
    const format = formatOf(path);
    const base = { present: true, path, format };
    let read: Awaited<ReturnType<typeof files.readText>>;
    try {
      read = await files.readText(path, Math.min(limits.maxFileBytes, MAX_README_BYTES));
    } catch (err) {
      return { ...base, encoding: null, truncated: false, error: describeError(err), ...EMPTY };
    }
    if (read.encoding === 'binary') {
      return {
        ...base,
        encoding: 'binary',
        truncated: read.truncated,
        error: 'the README is not text (binary content)',
        ...EMPTY,
      };
    }
    const doc = format === 'markdown' ? parseMarkdown(read.text) : parsePlain(read.text, format === 'rst');
    return { ...base, encoding: read.encoding, truncated: read.truncated, ...analyseDoc(doc) };
  }
}
