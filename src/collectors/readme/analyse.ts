import { classifyHeading } from './classify-section.js';
import type { ReadmeDoc } from './doc.js';
import {
  baselineIn,
  countWords,
  isBadge,
  isMetricHeader,
  isNumberCell,
  isProseRunCommand,
  isRunCommand,
  metricIn,
  placeholderIn,
  SHELL_LANGS,
  stripPrompt,
} from './patterns.js';
import type { ReadmeFacts, ReadmeSection } from './types.js';

const INTRO_CHARS = 500;
const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i;
const CODE_CHARS = 4000;
const MAX_ITEMS = 200;

export type ReadmeContent = Omit<
  ReadmeFacts,
  'present' | 'path' | 'format' | 'encoding' | 'truncated' | 'error'
>;

/** Turns a parsed README into facts: sections with kinds and word counts, commands, metrics, … */
export function analyseDoc(doc: ReadmeDoc): ReadmeContent {
  const titleIndex = documentTitleIndex(doc);
  const sections: ReadmeSection[] = doc.headings.map((h, i) => ({
    title: h.title,
    level: h.level,
    line: h.line,
    // The document's title names the project; "Churn model" is not a method section.
    kind: i === titleIndex ? 'other' : classifyHeading(h.title),
    words: 0,
  }));
  let words = doc.headings.reduce((sum, h) => sum + countWords(h.title), 0);
  for (const chunk of doc.prose) {
    const n = countWords(chunk.text);
    words += n;
    const owner = sectionAt(sections, chunk.line);
    if (owner) owner.words += n;
  }

  const runCommands: ReadmeFacts['runCommands'] = [];
  for (const block of doc.codeBlocks) {
    if (!SHELL_LANGS.has(block.lang)) continue;
    block.content.split('\n').forEach((text, i) => {
      if (isRunCommand(text)) runCommands.push({ command: stripPrompt(text), line: block.line + i });
    });
  }
  for (const code of doc.inlineCode) {
    if (isRunCommand(code.text)) runCommands.push({ command: stripPrompt(code.text), line: code.line });
  }
  // Numbered setup steps often give the command as a line of its own, outside any code span.
  const seen = new Set(runCommands.map((c) => c.line));
  for (const chunk of doc.prose) {
    chunk.text.split('\n').forEach((raw, i) => {
      const text = raw.replace(/`+/g, '').trim();
      if (text.length > 160 || seen.has(chunk.line + i) || !isProseRunCommand(text)) return;
      runCommands.push({ command: stripPrompt(text), line: chunk.line + i });
    });
  }
  runCommands.sort((a, b) => a.line - b.line);

  const metrics: ReadmeFacts['metrics'] = [];
  const baselineMentions: ReadmeFacts['baselineMentions'] = [];
  const placeholders: ReadmeFacts['placeholders'] = [];
  for (const chunk of doc.prose) {
    const metric = metricIn(chunk.text);
    if (metric) metrics.push({ text: metric, line: chunk.line });
    const baseline = baselineIn(chunk.text);
    if (baseline) baselineMentions.push({ text: chunk.text.trim().slice(0, 160), line: chunk.line });
  }
  for (const table of doc.tables) {
    const columns = table.header.map((h, i) => (isMetricHeader(h) ? i : -1)).filter((i) => i >= 0);
    for (const row of table.rows) {
      for (const col of columns) {
        const cell = row.cells[col] ?? '';
        if (isNumberCell(cell) && !metrics.some((m) => m.line === row.line)) {
          metrics.push({ text: `${table.header[col]}: ${cell.trim()}`, line: row.line });
        }
      }
    }
    if (table.rows.some((r) => r.cells.some((c) => baselineIn(c)))) {
      const row = table.rows.find((r) => r.cells.some((c) => baselineIn(c)));
      if (row && !baselineMentions.some((b) => b.line === row.line)) {
        baselineMentions.push({ text: row.cells.join(' | ').slice(0, 160), line: row.line });
      }
    }
  }
  for (const heading of doc.headings) {
    const found = placeholderIn(heading.title);
    if (found) placeholders.push({ text: found, line: heading.line });
    if (baselineIn(heading.title) && !baselineMentions.some((b) => b.line === heading.line)) {
      baselineMentions.push({ text: heading.title, line: heading.line });
    }
  }
  for (const chunk of doc.prose) {
    const found = placeholderIn(chunk.text);
    if (found) placeholders.push({ text: found, line: chunk.line });
  }
  for (const block of doc.codeBlocks) {
    block.content.split('\n').forEach((text, i) => {
      if (text.toLowerCase().includes('cookiecutter.'))
        placeholders.push({ text: '{{cookiecutter.', line: block.line + i });
    });
  }

  const images = doc.images.filter((i) => !isBadge(i.src));
  const intro = doc.paragraphs.find(
    (p) => countWords(p.text) >= 5 && !/^(!\[|<)/.test(p.text) && !isLinkRow(doc, p.text, p.line),
  );
  return {
    title: doc.headings[0]?.title ?? null,
    // GitHub's alert marker (`> [!IMPORTANT]`) is markup, not the first words of the introduction.
    intro: intro ? intro.text.replace(ALERT_MARKER, '').slice(0, INTRO_CHARS) : null,
    words,
    sections,
    links: doc.links.filter((l) => l.url).slice(0, MAX_ITEMS),
    images: images.map(({ src, alt, line }) => ({ src, alt, line })).slice(0, MAX_ITEMS),
    codeBlocks: doc.codeBlocks
      .map((b) => ({ lang: b.lang, line: b.line, content: b.content.slice(0, CODE_CHARS) }))
      .slice(0, MAX_ITEMS),
    runCommands: runCommands.slice(0, MAX_ITEMS),
    badges: doc.images.length - images.length,
    metrics: byLine(metrics).slice(0, MAX_ITEMS),
    baselineMentions: byLine(baselineMentions).slice(0, MAX_ITEMS),
    placeholders: byLine(placeholders).slice(0, MAX_ITEMS),
  };
}

/** A row of links ("Arxiv | OpenReview | Report | Documentation"): navigation, not an introduction. */
function isLinkRow(doc: ReadmeDoc, text: string, line: number): boolean {
  let rest = text;
  for (const link of doc.links) {
    if (link.line >= line && link.line <= line + 3 && link.text) rest = rest.replace(link.text, ' ');
  }
  return rest !== text && countWords(rest.replace(/[|·•,/-]/g, ' ')) < 3;
}

/** The first heading is the title when it is the only one at the top level used. */
function documentTitleIndex(doc: ReadmeDoc): number {
  const first = doc.headings[0];
  if (!first) return -1;
  const top = Math.min(...doc.headings.map((h) => h.level));
  const atTop = doc.headings.filter((h) => h.level === top).length;
  return first.level === top && atTop === 1 ? 0 : -1;
}

function sectionAt(sections: ReadmeSection[], line: number): ReadmeSection | undefined {
  let owner: ReadmeSection | undefined;
  for (const s of sections) {
    if (s.line <= line) owner = s;
    else break;
  }
  return owner;
}

function byLine<T extends { line: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.line - b.line);
}
