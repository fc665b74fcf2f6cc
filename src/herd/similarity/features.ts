import type { FactsData } from '../../facts.js';
import type { RepoFeatures } from './types.js';

const MAX_HEADERS = 20;
const MAX_HEADINGS = 100;
const MAX_TITLE_WORDS = 40;

/** Words that say nothing about a topic. */
const STOPWORDS = new Set(
  (
    'the and for with from into using use used analysis analyse analyze project notebook data dataset ' +
    'model models prediction predicting predict a an of on in to by is are my our your this that ' +
    'readme introduction final part step steps simple using via vs'
  ).split(' '),
);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z]+/g) ?? []).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

function sortedUnique(items: Iterable<string>, cap: number): string[] {
  return [...new Set(items)].sort().slice(0, cap);
}

/** A header as a comparable key: trimmed, unquoted, lower case, sorted; the index column dropped. */
export function headerKey(columns: readonly string[]): string {
  const cleaned = columns
    .map((c) =>
      c
        .trim()
        .replace(/^["']|["']$/g, '')
        .trim()
        .toLowerCase(),
    )
    .filter((c) => c !== '' && c !== 'unnamed: 0' && c !== 'index');
  return [...new Set(cleaned)].sort().join(',').slice(0, 400);
}

/**
 * The non-code features of a repository from its collected facts. Each part is optional: a
 * collector that was unavailable contributes nothing, and the rest still count.
 */
export function extractFeatures(facts: Partial<FactsData>): RepoFeatures {
  const herd = facts.herd;
  const titles: string[] = [];
  if (facts.readme?.title) titles.push(facts.readme.title);
  const headings: string[] = [];
  for (const nb of facts.notebooks?.notebooks ?? []) {
    if (nb.title) titles.push(nb.title.replace(/\.ipynb$/i, ''));
    for (const cell of nb.cells) {
      if (cell.type !== 'markdown') continue;
      for (const line of cell.source.split('\n')) {
        const m = /^\s{0,3}#{1,6}\s+(.+)$/.exec(line);
        if (!m) continue;
        const key = words(m[1]!).join(' ');
        if (key !== '') headings.push(key);
      }
    }
  }
  return {
    datasets: sortedUnique(
      (herd?.stockDatasets ?? []).map((d) => d.id),
      50,
    ),
    headers: sortedUnique(
      (facts.data?.files ?? []).flatMap((f) =>
        f.columns && f.columns.length >= 2 ? [headerKey(f.columns)] : [],
      ),
      MAX_HEADERS,
    ),
    topics: sortedUnique(
      [...(herd?.topics ?? []).map((t) => t.id), ...(herd?.capstones ?? []).map((c) => `capstone:${c.id}`)],
      50,
    ),
    titleWords: sortedUnique(titles.flatMap(words), MAX_TITLE_WORDS),
    stack: sortedUnique(
      (facts.signals?.stack ?? []).map((s) => s.library),
      60,
    ),
    headings: sortedUnique(headings, MAX_HEADINGS),
  };
}
