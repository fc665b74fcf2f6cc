import { paperIdsIn } from './papers.js';
import type { TextSource } from './text-sources.js';
import { linesOf, where } from './text-sources.js';

/** A paper named the way people write references: authors and year, a title in quotes, a venue. */
export interface Citation {
  /** `citation:card-krueger-1994`: first author's surname (and the second's when two) and the year. */
  id: string;
  /** The reference as written, whitespace squeezed and capped. */
  text: string;
  file: string;
  line: number;
  cell?: number;
}

const YEAR = '(?:19[5-9]\\d|20[0-3]\\d)[a-z]?';
const SURNAME = "(?:(?:van|von|de|der|di|da|le|la)\\s+)?[A-Z][\\p{L}'’-]+";

/** "Card and Krueger (1994)", "Vaswani et al. (2017)", "He et al., 2016", "(Breiman, 2001)". */
const AUTHOR_YEAR = new RegExp(
  `(${SURNAME})(?:\\s*(?:,|and|&)\\s*(${SURNAME}))?(?:\\s+et\\s+al\\.?)?\\s*(?:,\\s*|\\(\\s*|\\s+)(${YEAR})\\b`,
  'gu',
);
/** APA-like reference entry: "Breiman, L. (2001). Random forests. Machine Learning, 45(1)". */
const REFERENCE_ENTRY = new RegExp(
  `^\\s*(?:[-*+]|\\d+\\.|\\[\\d+\\])?\\s*(${SURNAME}),\\s+(?:[A-Z]\\.\\s*)+.*?\\((${YEAR})\\)`,
  'u',
);
/** Venues whose name says a published paper is meant. */
const VENUE =
  /\b(neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd|sigir|www|journal|proceedings|transactions|conference|econometrica|american economic review|quarterly journal of economics|review of economic studies|jama|nature|science|lancet|plos|biometrika|annals of|arxiv)\b/i;

/** Words that make "Name (2019)" a reference to work rather than a date ("Summer (2019)", "Python 3 (2020)"). */
const WORK_CONTEXT =
  /\b(et al\.?|paper|article|study|studies|publication|published|replicat\w*|reproduc\w*|re-?implement\w*|proposed|introduced|following|based on|according to|as in|cf\.|see)\b/i;

/** Capitalised words that are not surnames. */
const NOT_SURNAME = new Set([
  'The',
  'In',
  'On',
  'At',
  'For',
  'From',
  'Since',
  'Until',
  'Summer',
  'Winter',
  'Spring',
  'Fall',
  'Autumn',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Python',
  'Version',
  'Copyright',
  'Data',
  'Dataset',
  'Census',
  'Survey',
  'Kaggle',
  'Season',
  'Year',
  'Fiscal',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  'World',
  'Cup',
  'Olympics',
  'Election',
  'Covid',
  'COVID',
  'Release',
  'Edition',
]);

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

function excerptOf(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= 200) return clean;
  const cut = clean.slice(0, 199);
  const space = cut.lastIndexOf(' ');
  return `${space > 120 ? cut.slice(0, space) : cut}…`;
}

/** A web page cited as a reference ("Retrieved 2008-04-14", "Sciam.com") is not a paper. */
const WEB_REFERENCE = /\bRetrieved\b|\b[\w-]+\.(?:com|org|net|io)\b(?!\/)/i;

/** An APA-like reference entry at the start of the line ("Abadie, A., Diamond, A., & Hainmueller, J. (2010)."). */
function referenceEntryIn(text: string): { id: string; index: number }[] {
  const entry = REFERENCE_ENTRY.exec(text);
  if (!entry || NOT_SURNAME.has(entry[1]!)) return [];
  if (WEB_REFERENCE.test(text) && !VENUE.test(text)) return [];
  return [{ id: `citation:${slug(entry[1]!)}-${entry[2]!.slice(0, 4)}`, index: entry.index }];
}

/** Author–year citations in one line of prose; a year beside a month, a season or a product is not one. */
export function citationsIn(text: string): { id: string; index: number }[] {
  const out: { id: string; index: number }[] = [];
  if (REFERENCE_ENTRY.test(text)) return referenceEntryIn(text);
  for (const m of text.matchAll(AUTHOR_YEAR)) {
    const first = m[1]!;
    const second = m[2];
    if (NOT_SURNAME.has(first) || (second && NOT_SURNAME.has(second))) continue;
    const etAl = /et\s+al/i.test(m[0]);
    // Without "et al." a name and a year need words around them that make them a reference to work.
    if (!etAl && !(WORK_CONTEXT.test(text) || VENUE.test(text))) continue;
    if (!etAl && !second && !/\(\s*$|,\s*$/.test(m[0].slice(0, m[0].length - m[3]!.length))) continue;
    const names = second ? `${slug(first)}-${slug(second)}` : slug(first);
    out.push({ id: `citation:${names}-${m[3]!.slice(0, 4)}`, index: m.index ?? 0 });
  }
  return out;
}

/** A quoted title next to a venue or a year: `"Attention Is All You Need", NeurIPS 2017`. */
const QUOTED_TITLE = /["“]([A-Z][^"”]{12,160})["”]/;

/** Papers cited by authors and year, as a reference entry, or by a quoted title with a venue or year. */
export function findCitations(sources: readonly TextSource[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const source of sources) {
    if (source.kind === 'code-cell') continue;
    if (!new RegExp(YEAR).test(source.text)) continue;
    let inFence = false;
    for (const { text, line } of linesOf(source)) {
      if (/^\s*(```|~~~)/.test(text)) {
        inFence = !inFence;
        continue;
      }
      // A line with an arXiv id or DOI names its paper already; its title or authors would count it twice.
      if (paperIdsIn(text).length > 0) continue;
      // In a fenced block only a reference entry counts (a "please cite" block); the rest is code.
      for (const c of inFence ? referenceEntryIn(text) : citationsIn(text)) {
        if (!seen.has(c.id)) seen.set(c.id, { id: c.id, text: excerptOf(text), ...where(source, line) });
      }
      if (inFence) continue;
      const title = QUOTED_TITLE.exec(text);
      // A quoted value of a key or attribute (`date: "June 23, 2016"`, `xAxisTitle="… since 2005"`) is
      // not a title, and the year must stand outside the quotes.
      const outside = title ? text.slice(0, title.index) + text.slice(title.index + title[0].length) : '';
      const keyed = title !== null && /[\w-]\s*[:=]\s*$/.test(text.slice(0, title.index));
      const webPage = REFERENCE_ENTRY.test(text) && WEB_REFERENCE.test(text) && !VENUE.test(text);
      if (
        title &&
        !keyed &&
        !webPage &&
        (VENUE.test(outside) || new RegExp(`\\b${YEAR}\\b`).test(outside)) &&
        /\s/.test(title[1]!)
      ) {
        const id = `title:${slug(title[1]!).slice(0, 80)}`;
        if (!seen.has(id)) seen.set(id, { id, text: excerptOf(text), ...where(source, line) });
      }
    }
  }
  return [...seen.values()];
}

/** Entry types of a BibTeX file that are published work; `@misc`, `@online`, `@software` and `@dataset` are not, unless they carry an arXiv id. */
const BIB_PAPER =
  /^(article|inproceedings|incollection|inbook|book|conference|phdthesis|mastersthesis|techreport|unpublished|proceedings)$/i;

/** A BibTeX field's value, from an uncommented line: `doi = {10.1145/…}`, `year = 2016`. */
function bibField(entry: string, name: string): string | null {
  const re = new RegExp(`^[ \\t]*${name}\\s*=\\s*(?:\\{+([^}\\n]*)\\}+|"([^"\\n]*)"|(\\w+))`, 'im');
  const m = re.exec(entry);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value?.trim() || null;
}

/**
 * Papers in the project's BibTeX bibliographies (a write-up's `bibliography.bib`): one reference per
 * entry of a publication type with a title and a year or a DOI, named by its DOI, its arXiv id, or
 * its first author's surname and year.
 */
export function bibEntries(
  text: string,
  file: string,
): { id: string; kind: 'doi' | 'arxiv' | 'citation'; file: string; line: number }[] {
  const out: { id: string; kind: 'doi' | 'arxiv' | 'citation'; file: string; line: number }[] = [];
  const starts = [...text.matchAll(/^[ \t]*@(\w+)\s*[{(]/gm)];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const entry = text.slice(start.index, starts[i + 1]?.index ?? text.length);
    const line = text.slice(0, start.index).split('\n').length;
    const eprint = bibField(entry, 'eprint');
    const arxiv =
      eprint && /^\d{4}\.\d{4,5}/.test(eprint) ? `arXiv:${eprint.slice(0, 10).replace(/v\d+$/, '')}` : null;
    if (!BIB_PAPER.test(start[1]!) && !arxiv) continue;
    if (!bibField(entry, 'title')) continue;
    const doi = bibField(entry, 'doi')
      ?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
      .toLowerCase();
    const year = /(?:19|20)\d{2}/.exec(bibField(entry, 'year') ?? '')?.[0];
    const surname = /^\s*\{?([\p{L}'’ -]+?)\}?\s*,/u.exec(bibField(entry, 'author') ?? '')?.[1];
    if (doi && /^10\.\d{4,9}\//.test(doi)) out.push({ id: doi, kind: 'doi', file, line });
    else if (arxiv) out.push({ id: arxiv, kind: 'arxiv', file, line });
    else if (year && surname)
      out.push({ id: `citation:${slug(surname)}-${year}`, kind: 'citation', file, line });
  }
  return out;
}
