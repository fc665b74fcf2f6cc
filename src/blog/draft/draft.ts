import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { collectFacts } from '../../engine/analyse.js';
import type { CollectorName, FactsData } from '../../facts.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { RepoFiles } from '../../source/repo-files.js';
import { claimKind } from '../read/claims.js';
import { type Excerpt, pickExcerpts } from './excerpts.js';
import { type DraftFigure, extractFigures } from './figures.js';
import { collectReferences, type Reference } from './references.js';

export interface DraftResult {
  postPath: string;
  socialPath: string;
  figures: number;
  excerpts: number;
  references: number;
  notes: string[];
}

const NEEDED = new Set<CollectorName>([
  'tree',
  'readme',
  'notebooks',
  'python',
  'manifests',
  'data',
  'signals',
]);
const MAX_CHUNK_WORDS = 110;

/** Marks a place only the author can fill; never filled in by the tool. */
function prompt(question: string): string {
  return `> ✍️ **Only you can write this:** ${question}`;
}

/** README prose under headings of a kind, line by line from the README itself (code fences left out). */
function sectionText(
  readme: FactsData['readme'],
  lines: readonly string[],
  kinds: readonly string[],
): string[] {
  const out: string[] = [];
  readme.sections.forEach((s, i) => {
    if (!kinds.includes(s.kind)) return;
    const end = readme.sections[i + 1]?.line ?? lines.length + 1;
    let fenced = false;
    const body = lines.slice(s.line, end - 1).filter((l) => {
      if (/^\s*(```|~~~)/.test(l)) fenced = !fenced;
      return !fenced && !/^\s*(```|~~~)/.test(l) && !/^\s*#/.test(l);
    });
    out.push(...paragraphs(body.join('\n')));
  });
  return out;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '' && !/^!\[|^<img|^\[!\[/.test(p));
}

/** Keeps copied paragraphs short (a README wall of text would fail the review) and cites the README next to any number. */
function fromReadme(paras: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paras) {
    const sentences = p.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [p];
    let chunk: string[] = [];
    const flush = () => {
      if (chunk.length === 0) return;
      const text = chunk.join(' ').trim();
      out.push(claimKind(text) || /\d/.test(text) ? `${text} [^readme]` : text);
      chunk = [];
    };
    for (const s of sentences) {
      chunk.push(s.trim());
      if (chunk.join(' ').split(/\s+/).length > MAX_CHUNK_WORDS) flush();
    }
    flush();
  }
  return out;
}

function figureMarkdown(figures: readonly DraftFigure[]): string[] {
  return figures.flatMap((f, i) => [
    `![${f.alt.replace(/[[\]]/g, '')}](assets/${f.name} "Figure ${i + 1}: ${f.caption.replace(/"/g, "'")}")`,
    '',
  ]);
}

function excerptMarkdown(excerpts: readonly Excerpt[]): string[] {
  return excerpts.flatMap((e) => [
    `From \`${e.file}\` (line ${e.line}):`,
    '',
    '```python',
    e.code,
    '```',
    '',
  ]);
}

function referenceMarkdown(refs: readonly Reference[]): string[] {
  return [
    ...refs.map((r) => `- [${r.text.replace(/[[\]]/g, '')}](${r.url})`),
    '',
    "[^readme]: The project's README.",
  ];
}

/**
 * Writes a draft post from the author's own repository, deterministically and offline: the
 * problem, data and results in the README's own words, figures from notebook outputs, short
 * runnable excerpts of the modules, references, and marked prompts where only the author can
 * write. It never invents a result: every number comes from the repository.
 */
export async function draftPost(repoPath: string, outDir: string): Promise<DraftResult> {
  const files = await RepoFiles.open(repoPath, DEFAULT_LIMITS);
  const collected = await collectFacts(files, NEEDED);
  const facts: Partial<FactsData> = {};
  for (const [name, c] of Object.entries(collected))
    if (c.status === 'ok') (facts as Record<string, unknown>)[name] = c.data;
  const notes: string[] = [];
  const readme = facts.readme;
  if (!readme?.present) notes.push('no README: the problem, data and results sections are prompts only');
  const readmeLines = readme?.path ? (await files.readText(readme.path)).text.split('\n') : [];
  const title = readme?.title ?? basename(files.root);

  const figures = await extractFigures(files, facts.notebooks?.notebooks ?? [], notes);
  const excerpts = facts.python ? await pickExcerpts(files, facts.python) : [];
  const refs = collectReferences(facts);
  const repoLink =
    readme?.links.find((l) => /^https:\/\/(github|gitlab)\.com\/[^/]+\/[^/#?]+\/?$/.test(l.url))?.url ?? null;

  const problem = readme ? sectionText(readme, readmeLines, ['problem']) : [];
  if (problem.length === 0 && readme?.intro) problem.push(readme.intro);
  const data = readme ? sectionText(readme, readmeLines, ['data']) : [];
  const results = readme ? sectionText(readme, readmeLines, ['results', 'baseline']) : [];
  const limitations = readme ? sectionText(readme, readmeLines, ['limitations']) : [];
  const notebookNotes = (facts.notebooks?.notebooks ?? [])
    .flatMap((nb) =>
      nb.cells
        .filter((c) => c.type === 'markdown' && /\b(result|found|conclusion|observ)/i.test(c.source))
        .map((c) => c.source),
    )
    .slice(0, 2)
    .flatMap(paragraphs)
    .filter((p) => !p.startsWith('#'));

  const md: string[] = [
    '---',
    `title: ${JSON.stringify(`${title}: what I built and what I learned`)}`,
    'draft: true',
    '---',
    '',
    prompt('why this problem? What made you start, and who would use the answer?'),
    '',
    '## The problem',
    '',
    ...(problem.length > 0
      ? fromReadme(problem)
      : [prompt('what question does the project answer?')]
    ).flatMap((p) => [p, '']),
    '## The data',
    '',
    ...(data.length > 0
      ? fromReadme(data)
      : [prompt('where does the data come from, and how did you get it?')]
    ).flatMap((p) => [p, '']),
    '## What I did',
    '',
    ...excerptMarkdown(excerpts),
    ...(readme?.runCommands.length
      ? [
          'To run it:',
          '',
          '```bash',
          ...readme.runCommands.map((c) => c.command.replace(/^\s*\$\s*/, '')),
          '```',
          '',
        ]
      : []),
    '## Results',
    '',
    ...fromReadme([...results, ...notebookNotes]).flatMap((p) => [p, '']),
    ...figureMarkdown(figures),
    ...(results.length === 0 && figures.length === 0
      ? [prompt('what did you find? Use the numbers from your notebooks.'), '']
      : []),
    '## What went wrong',
    '',
    prompt('what broke, what you got wrong first, and how you noticed.'),
    '',
    '## What surprised me',
    '',
    prompt('one thing the data told you that you did not expect.'),
    '',
    "## Limitations and what I'd do next",
    '',
    ...fromReadme(limitations).flatMap((p) => [p, '']),
    prompt('what the results cannot tell, and what you would try next.'),
    '',
    '## Try it yourself',
    '',
    repoLink ? `The code is in [my repository](${repoLink}).` : prompt('add the link to your repository.'),
    '',
    '## References',
    '',
    ...referenceMarkdown(refs),
    '',
  ];

  mkdirSync(join(outDir, 'assets'), { recursive: true });
  for (const f of figures) writeFileSync(join(outDir, 'assets', f.name), f.bytes);
  const postPath = join(outDir, 'post.md');
  writeFileSync(postPath, md.join('\n'));
  const metric = readme?.metrics[0]?.text;
  const social = [
    `New post: ${title}: what I built and what I learned.`,
    metric ? `Result: ${metric}.` : null,
    repoLink ? `Code: ${repoLink}` : null,
  ]
    .filter((s) => s !== null)
    .join(' ')
    .slice(0, 280);
  const socialPath = join(outDir, 'social.txt');
  writeFileSync(socialPath, `${social}\n`);
  if (figures.length === 0) notes.push('no image outputs in the notebooks: add a figure of your own');
  if (excerpts.length === 0) notes.push('no self-contained function in the modules to excerpt');
  return {
    postPath,
    socialPath,
    figures: figures.length,
    excerpts: excerpts.length,
    references: refs.length,
    notes,
  };
}
