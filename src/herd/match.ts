import type { HerdDetection, HerdEvidence, HerdFacts } from '../collectors/herd/types.js';
import {
  type CapstoneEntry,
  type Catalogue,
  type DatasetEntry,
  headerFingerprints,
  normaliseColumn,
} from './catalogue.js';

/** What the matcher reads, distilled from facts by the herd collector; pure data so matching is testable. */
export interface HerdInput {
  repoName: string;
  /** Every file path in the repository. */
  paths: string[];
  dataFiles: { path: string; columns?: string[] }[];
  calls: {
    callee: string;
    stringArgs: string[];
    stringKwargs: Record<string, string>;
    file: string;
    line: number;
    cell?: number;
  }[];
  /** file → top-level modules it imports. */
  importsByFile: Map<string, Set<string>>;
  strings: { value: string; file: string; line: number; cell?: number }[];
  texts: HerdText[];
  /** Notebooks and hand-written modules: the units of analysis, for flagship-vs-secondary. */
  analysisUnits: string[];
}

export type TextKind =
  | 'readme-title'
  | 'readme-intro'
  | 'readme'
  | 'notebook-title'
  | 'notebook-markdown'
  | 'notebook-code';

export interface HerdText {
  file: string;
  kind: TextKind;
  text: string;
  line?: number;
  cell?: number;
}

const REPORT_THRESHOLD = 0.5;
const MAX_EVIDENCE = 8;
const TEACHING_FOLDER =
  /(^|\/)(examples?|tutorials?|exercises?|practice|homeworks?|labs?|courses?|lessons?|scratch|playground|learning|sandbox|demos?|class(es)?|week[-_ ]?\d+|assignments?)(\/|$)/i;

interface Hit {
  id: string;
  evidence: HerdEvidence;
  weight: number;
  /** For phrase hits: where the phrase was found. */
  textKind?: TextKind;
  /** For topic hits derived from a dataset: the dataset is the project's flagship. */
  fromFlagship?: boolean;
  /** Kind of evidence when it differs from the signal shown: a name in the repository and in a title is one kind. */
  kind?: string;
}

const kindOf = (h: Hit) => h.kind ?? h.evidence.signal;

const HEADLINE_KINDS: ReadonlySet<TextKind> = new Set(['readme-title', 'readme-intro', 'notebook-title']);

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Loader calls: `call` is matched against the end of the callee on whole dotted segments. */
function calleeEndsWith(callee: string, call: string): boolean {
  const c = callee.toLowerCase();
  const want = call.toLowerCase();
  return c === want || c.endsWith(`.${want}`);
}

function firstArg(call: HerdInput['calls'][number]): string | undefined {
  return call.stringArgs[0] ?? call.stringKwargs.name ?? call.stringKwargs.dataset ?? call.stringKwargs.path;
}

/** A file's columns as compared: normalised, without blank and pandas index columns. */
export function columnSet(fileColumns: readonly string[]): Set<string> {
  return new Set(fileColumns.map(normaliseColumn).filter((c) => c !== '' && !/^unnamed: ?\d+$/.test(c)));
}

/** Header overlap: share of the fingerprint found, and share of the file's columns it explains. */
export function headerMatch(
  fileColumns: readonly string[] | Set<string>,
  fingerprint: readonly string[],
  partial: boolean,
): boolean {
  const cols = fileColumns instanceof Set ? fileColumns : columnSet(fileColumns);
  if (cols.size === 0) return false;
  let found = 0;
  for (const f of fingerprint) if (cols.has(f)) found++;
  const coverage = found / fingerprint.length;
  if (coverage < 0.8) return false;
  if (partial) return true;
  // Tolerate an added index column or a few engineered ones, not a different table that shares names.
  const explained = found / cols.size;
  return explained >= 0.6 || cols.size - found <= 2;
}

const phraseRegexCache = new Map<string, RegExp>();

function phraseRegex(phrase: string): RegExp {
  const cached = phraseRegexCache.get(phrase);
  if (cached) return cached;
  const re = buildPhraseRegex(phrase);
  phraseRegexCache.set(phrase, re);
  return re;
}

function buildPhraseRegex(phrase: string): RegExp {
  const body = escapeRe(phrase.toLowerCase()).replace(/\\?\s+/g, '[\\s_-]+');
  const start = /^\w/.test(phrase) ? '\\b' : '';
  const end = /\w$/.test(phrase) ? '\\b' : '';
  return new RegExp(`${start}${body}${end}`, 'i');
}

function lineOfIndex(text: string, index: number, base = 1): number {
  let line = base;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const KAGGLE_PATTERNS: RegExp[] = [
  /\/kaggle\/input\/([\w.-]+)/gi,
  // Older Kaggle kernels, in Python and R: `../input/<competition>/train.csv`.
  /(?:^|[\s"'(=])\.\.\/input\/([\w.-]+)\//gi,
  /kaggle\.com\/(?:c|competitions)\/([\w.-]+)/gi,
  /kaggle\.com\/datasets\/([\w.-]+\/[\w.-]+)/gi,
  /kaggle\s+competitions\s+download\s+(?:-c|--competition)\s+([\w.-]+)/gi,
  /kaggle\s+datasets\s+download\s+(?:-d|--dataset)\s+([\w.-]+\/[\w.-]+)/gi,
  /(?:dataset_download|competition_download)\(\s*["']([\w./-]+)["']/gi,
  // A configuration value: `kaggle competition: titanic`, `KAGGLE_DATASET = "owner/name"`.
  /kaggle[\s_.-]*competition(?:_name|_slug|_id)?["']?\s*[:=]\s*["']?([\w.-]+)/gi,
  /kaggle[\s_.-]*dataset(?:_name|_slug|_id)?["']?\s*[:=]\s*["']?([\w.-]+\/[\w.-]+)/gi,
];

/** Kaggle references in a text, as the forms a catalogue slug can take. */
function kaggleRefs(text: string): { ref: string; index: number }[] {
  const out: { ref: string; index: number }[] = [];
  for (const re of KAGGLE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ ref: m[1]!.toLowerCase(), index: m.index });
  }
  return out;
}

function kaggleMatches(ref: string, slugs: readonly string[]): string | null {
  const refTail = ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref;
  for (const slug of slugs) {
    const s = slug.toLowerCase();
    const tail = s.startsWith('c/') ? s.slice(2) : s.includes('/') ? s.slice(s.indexOf('/') + 1) : s;
    if (ref === s || ref === tail || refTail === tail) return slug;
  }
  return null;
}

function combine(hits: Hit[]): number {
  const bySignal = new Map<string, number[]>();
  for (const h of hits) {
    const list = bySignal.get(kindOf(h)) ?? [];
    list.push(h.weight);
    bySignal.set(kindOf(h), list);
  }
  let miss = 1;
  for (const weights of bySignal.values()) {
    weights.sort((a, b) => b - a);
    // The same kind of signal seen twice is partly the same evidence: the second counts half.
    const w = 1 - (1 - weights[0]!) * (1 - (weights[1] ?? 0) / 2);
    miss *= 1 - w;
  }
  return Math.round((1 - miss) * 100) / 100;
}

/** A detection needs one strong signal, or weak signals of at least two different kinds. */
function qualifies(hits: Hit[]): boolean {
  if (hits.some((h) => h.evidence.strength === 'strong')) return true;
  return new Set(hits.map(kindOf)).size >= 2;
}

function topEvidence(hits: Hit[]): HerdEvidence[] {
  const seen = new Set<string>();
  const out: HerdEvidence[] = [];
  for (const h of [...hits].sort((a, b) => b.weight - a.weight)) {
    const key = `${h.evidence.signal}|${h.evidence.file}|${h.evidence.line}|${h.evidence.cell}|${h.evidence.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h.evidence);
    if (out.length >= MAX_EVIDENCE) break;
  }
  return out;
}

function group(hits: Hit[]): Map<string, Hit[]> {
  const by = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = by.get(h.id) ?? [];
    list.push(h);
    by.set(h.id, list);
  }
  return by;
}

function fileNameHits(
  input: HerdInput,
  entries: { id: string; files?: { name: string; weak?: boolean }[]; weakOnly?: boolean }[],
  /** For a string, the entries whose download address it is: its file name then belongs to them. */
  ownersOf?: (index: number) => ReadonlySet<string> | undefined,
): Hit[] {
  const byName = new Map<string, { id: string; weak: boolean }[]>();
  for (const e of entries) {
    for (const f of e.files ?? []) {
      const key = f.name.toLowerCase();
      const list = byName.get(key) ?? [];
      list.push({ id: e.id, weak: f.weak === true || e.weakOnly === true });
      byName.set(key, list);
    }
  }
  const hits: Hit[] = [];
  for (const path of input.paths) {
    for (const m of byName.get(basename(path).toLowerCase()) ?? []) {
      hits.push({
        id: m.id,
        weight: m.weak ? 0.25 : 0.7,
        evidence: {
          file: path,
          signal: 'file-name',
          detail: basename(path),
          strength: m.weak ? 'weak' : 'strong',
        },
      });
    }
  }
  for (const [index, s] of input.strings.entries()) {
    const name = basename(s.value.replace(/[?#].*$/, '')).toLowerCase();
    const owners = ownersOf?.(index);
    for (const m of byName.get(name) ?? []) {
      // `…/tidytuesday/…/netflix_titles.csv` is the TidyTuesday copy, not the Kaggle data set.
      if (owners && owners.size > 0 && !owners.has(m.id)) continue;
      hits.push({
        id: m.id,
        weight: m.weak ? 0.25 : 0.6,
        evidence: {
          file: s.file,
          line: s.line,
          cell: s.cell,
          signal: 'file-name',
          detail: s.value.slice(0, 200),
          strength: m.weak ? 'weak' : 'strong',
        },
      });
    }
  }
  return hits;
}

/**
 * Many texts joined into one string, so a needle is looked for with one native search over all of
 * them instead of a call per text (a repository with 300 notebooks has thousands of texts, and the
 * catalogue hundreds of needles). A needle cannot match across two texts: the separator is NUL,
 * and a needle holding a NUL is looked for text by text.
 */
class Haystack {
  private readonly joined: string;
  private readonly starts: number[] = [];

  constructor(private readonly texts: readonly string[]) {
    let offset = 0;
    for (const text of texts) {
      this.starts.push(offset);
      offset += text.length + 1;
    }
    this.joined = texts.join('\0');
  }

  /** The text a position of the joined string falls in. */
  private textAt(position: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The first text holding `needle` and where in it, as `texts.findIndex(t => t.includes(needle))` and `indexOf`. */
  first(needle: string): { text: number; index: number } | null {
    if (needle === '' || needle.includes('\0')) {
      for (let i = 0; i < this.texts.length; i++) {
        const index = this.texts[i]!.indexOf(needle);
        if (index >= 0) return { text: i, index };
      }
      return null;
    }
    const position = this.joined.indexOf(needle);
    if (position < 0) return null;
    const text = this.textAt(position);
    return { text, index: position - this.starts[text]! };
  }

  /** Every text holding `needle`, in order. */
  all(needle: string): number[] {
    const found: number[] = [];
    if (needle === '' || needle.includes('\0')) {
      for (let i = 0; i < this.texts.length; i++) if (this.texts[i]!.includes(needle)) found.push(i);
      return found;
    }
    for (let position = this.joined.indexOf(needle); position >= 0; ) {
      const text = this.textAt(position);
      found.push(text);
      const next = this.starts[text + 1];
      if (next === undefined) break;
      position = this.joined.indexOf(needle, next);
    }
    return found;
  }
}

/** A source of text a catalogue URL may appear in: a string in the code, or a README or notebook text. */
interface UrlSource {
  text: string;
  lower: string;
  file: string;
  line: number;
  cell?: number;
  whole?: true;
}

/** Lower-cased copies of the input's paths, strings and texts, made once per match. */
interface Folded {
  /** `/a/b/file.csv/`: padded so layouts match whole segments. */
  paths: string[];
  strings: string[];
  texts: string[];
  pathHay: Haystack;
  stringHay: Haystack;
  urlSources: UrlSource[];
  urlHay: Haystack;
  /** Indices into `texts` of the texts phrases are looked for in, and those texts joined. */
  phraseTexts: number[];
  phraseHay: Haystack;
}

const foldedCache = new WeakMap<HerdInput, Folded>();

function folded(input: HerdInput): Folded {
  let f = foldedCache.get(input);
  if (!f) {
    const paths = input.paths.map((p) => `/${p.toLowerCase().replace(/\\/g, '/')}/`);
    const strings = input.strings.map((s) =>
      s.value.length < 500 ? `/${s.value.toLowerCase().replace(/\\/g, '/')}/` : '',
    );
    const texts = input.texts.map((t) => t.text.toLowerCase());
    const urlSources: UrlSource[] = [
      ...input.strings.map((s) => ({
        text: s.value,
        lower: s.value.toLowerCase(),
        file: s.file,
        line: s.line,
        cell: s.cell,
      })),
      ...input.texts
        .map((t, i) => ({ t, lower: texts[i]! }))
        .filter(
          ({ t }) => t.kind === 'readme' || t.kind === 'notebook-code' || t.kind === 'notebook-markdown',
        )
        .map(({ t, lower }) => ({
          text: t.text,
          lower,
          file: t.file,
          line: t.line ?? 1,
          cell: t.cell,
          whole: true as const,
        })),
    ].filter((src) => src.lower.includes('/') || src.lower.includes('.'));
    const phraseTexts: number[] = [];
    for (const [i, t] of input.texts.entries()) if (PHRASE_WEIGHT[t.kind] > 0) phraseTexts.push(i);
    f = {
      paths,
      strings,
      texts,
      pathHay: new Haystack(paths),
      stringHay: new Haystack(strings),
      urlSources,
      urlHay: new Haystack(urlSources.map((src) => src.lower)),
      phraseTexts,
      phraseHay: new Haystack(phraseTexts.map((i) => texts[i]!)),
    };
    foldedCache.set(input, f);
  }
  return f;
}

function layoutHits(input: HerdInput, entries: { id: string; layouts?: string[] }[]): Hit[] {
  const hits: Hit[] = [];
  const f = folded(input);
  for (const e of entries) {
    for (const layout of e.layouts ?? []) {
      // A folder layout matches on whole path segments: `lfw` must not match "halfway".
      const needle = `/${layout.toLowerCase()}/`;
      const pathIndex = f.pathHay.first(needle)?.text;
      const path = pathIndex === undefined ? undefined : input.paths[pathIndex];
      if (path)
        hits.push({
          id: e.id,
          weight: 0.8,
          evidence: { file: path, signal: 'layout', detail: layout, strength: 'strong' },
        });
      const stringIndex = f.stringHay.first(needle)?.text;
      const s = stringIndex === undefined ? undefined : input.strings[stringIndex];
      if (s) {
        hits.push({
          id: e.id,
          weight: 0.7,
          evidence: {
            file: s.file,
            line: s.line,
            cell: s.cell,
            signal: 'layout',
            detail: s.value.slice(0, 200),
            strength: 'strong',
          },
        });
      }
    }
  }
  return hits;
}

function urlHits(input: HerdInput, entries: { id: string; urls?: string[] }[]): Hit[] {
  const hits: Hit[] = [];
  const f = folded(input);
  for (const e of entries) {
    for (const url of e.urls ?? []) {
      // The first source holding the URL, and where in it.
      const found = f.urlHay.first(url.toLowerCase());
      if (!found) continue;
      const src = f.urlSources[found.text]!;
      const line = src.whole ? lineOfIndex(src.text, found.index, src.line) : src.line;
      hits.push({
        id: e.id,
        weight: 0.85,
        evidence: { file: src.file, line, cell: src.cell, signal: 'url', detail: url, strength: 'strong' },
      });
    }
  }
  return hits;
}

/** For each string that holds a catalogue data set's download address, the data sets it belongs to. */
function urlOwners(input: HerdInput, datasets: DatasetEntry[]): Map<number, Set<string>> {
  const owners = new Map<number, Set<string>>();
  const f = folded(input);
  const urls = datasets.flatMap((d) => (d.urls ?? []).map((u) => ({ id: d.id, u: u.toLowerCase() })));
  f.strings.forEach((lower, index) => {
    if (!lower.includes('/')) return;
    for (const { id, u } of urls) {
      if (!lower.includes(u)) continue;
      const set = owners.get(index) ?? new Set<string>();
      set.add(id);
      owners.set(index, set);
    }
  });
  return owners;
}

function globHits(input: HerdInput, entries: { id: string; fileGlobs?: string[] }[]): Hit[] {
  const hits: Hit[] = [];
  for (const e of entries) {
    for (const glob of e.fileGlobs ?? []) {
      const re = globToRegex(glob);
      const path = input.paths.find((p) => re.test(basename(p)));
      if (path)
        hits.push({
          id: e.id,
          weight: 0.7,
          evidence: { file: path, signal: 'file-name', detail: basename(path), strength: 'strong' },
        });
    }
  }
  return hits;
}

/** The repository's name as words: `spaceship_titanic_app` → `spaceship titanic app`. */
function repoWords(name: string): string {
  return name.replace(/[_.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * A data set's name in the repository's name, the README title or a notebook title: weak, it
 * needs another kind of signal (a `train.csv` read by the code). Where one name holds another
 * ("Spaceship Titanic" holds "Titanic"), only the longer one counts.
 */
function nameHits(input: HerdInput, datasets: DatasetEntry[]): Hit[] {
  const sources: {
    text: string;
    file?: string;
    line?: number;
    cell?: number;
    signal: 'repo-name' | 'phrase';
  }[] = [{ text: repoWords(input.repoName), signal: 'repo-name' }];
  for (const t of input.texts)
    if (t.kind === 'readme-title' || t.kind === 'notebook-title')
      sources.push({
        text: t.text.replace(/_+/g, ' '),
        file: t.file,
        line: t.line,
        cell: t.cell,
        signal: 'phrase',
      });
  const hits: Hit[] = [];
  for (const src of sources) {
    const found: { id: string; name: string; start: number; end: number }[] = [];
    for (const d of datasets) {
      for (const name of d.names ?? []) {
        const m = phraseRegex(name).exec(src.text);
        if (m) found.push({ id: d.id, name, start: m.index, end: m.index + m[0].length });
      }
    }
    for (const f of found) {
      const inside = found.some(
        (o) => o.id !== f.id && o.start <= f.start && o.end >= f.end && o.end - o.start > f.end - f.start,
      );
      if (inside) continue;
      hits.push({
        id: f.id,
        weight: 0.3,
        kind: 'name',
        evidence: {
          file: src.file,
          line: src.line,
          cell: src.cell,
          signal: src.signal,
          detail: src.signal === 'repo-name' ? `${f.name} (repository name)` : `${f.name} (title)`,
          strength: 'weak',
        },
      });
    }
  }
  return hits;
}

/**
 * A module that offers several stock data sets (a `get_dataset(name)` registry) shows what the code
 * can load, not what the project uses: when the README names some of them, the ones it never names
 * and that nothing else points to are left out.
 */
function offeredOnly(
  input: HerdInput,
  byId: Map<string, Hit[]>,
  datasets: Map<string, DatasetEntry>,
): Set<string> {
  const idsByFile = new Map<string, Set<string>>();
  for (const [id, hits] of byId)
    for (const h of hits)
      if (h.evidence.signal === 'loader' && h.evidence.file) {
        const set = idsByFile.get(h.evidence.file) ?? new Set<string>();
        set.add(id);
        idsByFile.set(h.evidence.file, set);
      }
  const registries = new Set([...idsByFile].filter(([, ids]) => ids.size >= 2).map(([file]) => file));
  const out = new Set<string>();
  if (registries.size === 0) return out;
  const readme = input.texts
    .filter((t) => t.kind === 'readme')
    .map((t) => t.text)
    .join('\n');
  if (!readme) return out;
  const named = (id: string) => (datasets.get(id)?.names ?? []).some((n) => phraseRegex(n).test(readme));
  for (const file of registries) {
    const ids = [...idsByFile.get(file)!];
    if (!ids.some(named)) continue;
    for (const id of ids) {
      const hits = byId.get(id)!;
      const onlyHere = hits.every(
        (h) => h.evidence.signal === 'loader' && h.evidence.file && registries.has(h.evidence.file),
      );
      if (onlyHere && !named(id)) out.add(id);
    }
  }
  return out;
}

/**
 * The code names most of a data set's distinctive columns as strings (`'Survived'`, `'Pclass'`,
 * `'SibSp'` …): weak, it tells which `train.csv` a competition notebook reads when the file is not
 * committed. Short fingerprints (five columns or fewer) are too generic to count.
 */
function columnHits(input: HerdInput, datasets: DatasetEntry[]): Hit[] {
  const quoted = new Map<string, (typeof input.strings)[number]>();
  for (const s of input.strings) {
    if (s.value.length > 60) continue;
    const key = normaliseColumn(s.value);
    if (key && !quoted.has(key)) quoted.set(key, s);
  }
  if (quoted.size < 5) return [];
  const hits: Hit[] = [];
  for (const d of datasets) {
    for (const fp of headerFingerprints(d)) {
      if (fp.weak || fp.columns.length <= 5) continue;
      const found = fp.columns.filter((c) => quoted.has(c));
      if (found.length < 5 || found.length / fp.columns.length < 0.5) continue;
      const first = quoted.get(found[0]!)!;
      hits.push({
        id: d.id,
        weight: 0.35,
        evidence: {
          file: first.file,
          line: first.line,
          cell: first.cell,
          signal: 'header',
          detail: `columns named in code: ${found
            .slice(0, 8)
            .map((c) => quoted.get(c)!.value)
            .join(', ')}`,
          strength: 'weak',
        },
        kind: 'columns',
      });
      break;
    }
  }
  return hits;
}

function datasetHits(input: HerdInput, datasets: DatasetEntry[]): Hit[] {
  const owners = urlOwners(input, datasets);
  const hits: Hit[] = [
    ...fileNameHits(input, datasets, (i) => owners.get(i)),
    ...globHits(input, datasets),
    ...layoutHits(input, datasets),
    ...urlHits(input, datasets),
    ...nameHits(input, datasets),
    ...columnHits(input, datasets),
  ];

  const fingerprints = datasets
    .map((d) => ({ d, fps: headerFingerprints(d) }))
    .filter((x) => x.fps.length > 0);
  for (const file of input.dataFiles) {
    if (!file.columns || file.columns.length === 0) continue;
    const cols = columnSet(file.columns);
    for (const { d, fps } of fingerprints) {
      for (const fp of fps) {
        if (!headerMatch(cols, fp.columns, fp.partial)) continue;
        const weak = fp.weak || d.weakOnly === true;
        hits.push({
          id: d.id,
          weight: weak ? 0.35 : 0.9,
          evidence: {
            file: file.path,
            line: 1,
            signal: 'header',
            detail: file.columns.slice(0, 12).join(','),
            strength: weak ? 'weak' : 'strong',
          },
        });
        break;
      }
    }
  }

  // Index loaders by the last segment of their call, so each call in the code is one lookup.
  const loadersByName = new Map<
    string,
    { d: DatasetEntry; loader: NonNullable<DatasetEntry['loaders']>[number] }[]
  >();
  for (const d of datasets) {
    for (const loader of d.loaders ?? []) {
      const last = loader.call.slice(loader.call.lastIndexOf('.') + 1).toLowerCase();
      const list = loadersByName.get(last) ?? [];
      list.push({ d, loader });
      loadersByName.set(last, list);
    }
  }
  for (const call of input.calls) {
    const last = call.callee.slice(call.callee.lastIndexOf('.') + 1).toLowerCase();
    for (const { d, loader } of loadersByName.get(last) ?? []) {
      if (!calleeEndsWith(call.callee, loader.call)) continue;
      if (loader.arg !== undefined) {
        const arg = firstArg(call);
        if (!arg || arg.toLowerCase() !== loader.arg.toLowerCase()) continue;
      }
      if (loader.module && !input.importsByFile.get(call.file)?.has(loader.module)) continue;
      const weak = d.weakOnly === true;
      const shown = loader.arg ? `${call.callee}('${loader.arg}')` : `${call.callee}()`;
      hits.push({
        id: d.id,
        weight: weak ? 0.35 : 0.9,
        evidence: {
          file: call.file,
          line: call.line,
          cell: call.cell,
          signal: 'loader',
          detail: shown,
          strength: weak ? 'weak' : 'strong',
        },
      });
    }
  }

  const kaggleSources = [
    ...input.strings.map((s) => ({ text: s.value, file: s.file, line: s.line, cell: s.cell, whole: false })),
    ...input.texts.map((t) => ({ text: t.text, file: t.file, line: t.line ?? 1, cell: t.cell, whole: true })),
  ];
  for (const src of kaggleSources) {
    if (!/kaggle|\.\.\/input\//i.test(src.text)) continue;
    for (const { ref, index } of kaggleRefs(src.text)) {
      for (const d of datasets) {
        const slug = kaggleMatches(ref, d.kaggle ?? []);
        if (!slug) continue;
        const line = src.whole ? lineOfIndex(src.text, index, src.line) : src.line;
        hits.push({
          id: d.id,
          weight: 0.9,
          evidence: {
            file: src.file,
            line,
            cell: src.cell,
            signal: 'kaggle',
            detail: ref,
            strength: 'strong',
          },
        });
      }
    }
  }
  return hits;
}

const PHRASE_WEIGHT: Record<TextKind, number> = {
  'readme-title': 0.7,
  'readme-intro': 0.65,
  'notebook-title': 0.65,
  readme: 0.5,
  'notebook-markdown': 0.35,
  'notebook-code': 0,
};

function phraseHits(
  input: HerdInput,
  entries: { id: string; phrases?: string[]; weakPhrases?: string[] }[],
): Hit[] {
  const hits: Hit[] = [];
  const f = folded(input);
  for (const e of entries) {
    const weakSet = new Set((e.weakPhrases ?? []).map((p) => p.toLowerCase()));
    for (const phrase of e.phrases ?? []) {
      const re = phraseRegex(phrase);
      const weakPhrase = weakSet.has(phrase.toLowerCase());
      // A cheap substring test on the phrase's longest word saves most regex runs.
      const word = phrase
        .toLowerCase()
        .split(/[\s_-]+/)
        .reduce((a, b) => (b.length > a.length ? b : a), '');
      for (const at of f.phraseHay.all(word)) {
        const t = input.texts[f.phraseTexts[at]!]!;
        const m = re.exec(t.text);
        if (!m) continue;
        const base = PHRASE_WEIGHT[t.kind];
        const weight = weakPhrase ? Math.min(0.2, base) : base;
        const weak = weakPhrase || t.kind === 'notebook-markdown';
        hits.push({
          id: e.id,
          weight,
          textKind: t.kind,
          evidence: {
            file: t.file,
            line: lineOfIndex(t.text, m.index, t.line ?? 1),
            cell: t.cell,
            signal: 'phrase',
            detail: `${phrase} (${t.kind.replace('-', ' ')})`,
            strength: weak ? 'weak' : 'strong',
          },
        });
      }
    }
  }
  return hits;
}

function globToRegex(glob: string): RegExp {
  return new RegExp(`^${escapeRe(glob.toLowerCase()).replace(/\\\*/g, '.*')}$`, 'i');
}

function capstoneHits(input: HerdInput, capstones: CapstoneEntry[]): Hit[] {
  const hits: Hit[] = [
    ...fileNameHits(input, capstones),
    ...layoutHits(input, capstones),
    ...urlHits(input, capstones),
    ...phraseHits(input, capstones),
  ];
  hits.push(...globHits(input, capstones));
  for (const c of capstones) {
    for (const name of c.repoNames ?? []) {
      if (input.repoName.toLowerCase() === name.toLowerCase()) {
        hits.push({
          id: c.id,
          weight: 0.6,
          evidence: { signal: 'repo-name', detail: input.repoName, strength: 'strong' },
        });
      }
    }
  }
  return hits;
}

function isTeachingOnly(evidence: HerdEvidence[]): boolean {
  const files = evidence.map((e) => e.file).filter((f): f is string => f !== undefined);
  return files.length > 0 && files.every((f) => TEACHING_FOLDER.test(f));
}

/** Flagship: the README is about it, or most of the analysis uses it. Secondary: a side notebook. */
function datasetRole(
  input: HerdInput,
  hits: Hit[],
  readmeTopics: ReadonlySet<string>,
  topic?: string,
): 'flagship' | 'secondary' {
  if (isTeachingOnly(hits.map((h) => h.evidence))) return 'secondary';
  if (topic && readmeTopics.has(topic)) return 'flagship';
  // Most of the repository's tabular data is this dataset: it is what the project is about.
  const tables = input.dataFiles.filter((f) => (f.columns?.length ?? 0) > 0);
  const matchedTables = new Set(
    hits.filter((h) => h.evidence.signal === 'header').map((h) => h.evidence.file),
  );
  if (tables.length > 0 && matchedTables.size / tables.length >= 0.5) return 'flagship';
  const units = input.analysisUnits;
  if (units.length === 0) return 'flagship';
  const used = new Set(hits.map((h) => h.evidence.file).filter((f): f is string => !!f && units.includes(f)));
  // Data files and loaders in helper modules are not units; a notebook that reads the data is.
  if (used.size === 0) return units.length <= 2 ? 'flagship' : 'secondary';
  return used.size / units.length >= 0.5 ? 'flagship' : 'secondary';
}

export function matchHerd(input: HerdInput, catalogue: Catalogue): HerdFacts {
  const datasetsById = new Map(catalogue.datasets.map((d) => [d.id, d]));
  const topicsById = new Map(catalogue.topics.map((t) => [t.id, t]));

  // Topics from text alone, first: a README about Titanic makes a Titanic dataset the flagship.
  const topicTextHits = phraseHits(input, catalogue.topics);
  const readmeTopics = new Set(
    topicTextHits.filter((h) => h.textKind && HEADLINE_KINDS.has(h.textKind)).map((h) => h.id),
  );

  const stockDatasets: HerdDetection[] = [];
  const datasetGroups = group(datasetHits(input, catalogue.datasets));
  const offered = offeredOnly(input, datasetGroups, datasetsById);
  for (const [id, hits] of datasetGroups) {
    if (offered.has(id) || !qualifies(hits)) continue;
    const confidence = combine(hits);
    if (confidence < REPORT_THRESHOLD) continue;
    const entry = datasetsById.get(id)!;
    stockDatasets.push({
      id,
      name: entry.name,
      confidence,
      role: datasetRole(input, hits, readmeTopics, entry.topic),
      detail: entry.task,
      topic: entry.topic,
      evidence: topEvidence(hits),
    });
  }
  stockDatasets.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));

  const capstones: HerdDetection[] = [];
  const capById = new Map(catalogue.capstones.map((c) => [c.id, c]));
  for (const [id, hits] of group(capstoneHits(input, catalogue.capstones))) {
    if (!qualifies(hits)) continue;
    const confidence = combine(hits);
    if (confidence < REPORT_THRESHOLD) continue;
    const entry = capById.get(id)!;
    capstones.push({
      id,
      name: entry.name,
      confidence,
      role: isTeachingOnly(hits.map((h) => h.evidence)) ? 'secondary' : 'flagship',
      detail: entry.course,
      ...(entry.guidedCollection ? { guidedCollection: true } : {}),
      evidence: topEvidence(hits),
    });
  }
  capstones.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));

  // Topics: text phrases plus the topics of detected datasets (a flagship counts far more).
  const topicHits: Hit[] = [...topicTextHits];
  for (const d of stockDatasets) {
    if (!d.topic) continue;
    topicHits.push({
      id: d.topic,
      fromFlagship: d.role === 'flagship',
      weight: d.confidence * (d.role === 'flagship' ? 0.9 : 0.4),
      evidence: {
        signal: d.evidence[0]?.signal ?? 'header',
        detail: `uses ${d.name}`,
        strength: d.role === 'flagship' ? 'strong' : 'weak',
        file: d.evidence[0]?.file,
      },
    });
  }
  const topics: HerdDetection[] = [];
  for (const [id, hits] of group(topicHits)) {
    const entry = topicsById.get(id);
    if (!entry || !qualifies(hits)) continue;
    const confidence = combine(hits);
    if (confidence < REPORT_THRESHOLD) continue;
    topics.push({
      id,
      name: entry.name,
      confidence,
      role: readmeTopics.has(id) || hits.some((h) => h.fromFlagship) ? 'flagship' : 'secondary',
      detail: entry.name,
      evidence: topEvidence(hits),
    });
  }
  topics.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));

  return { stockDatasets, capstones, topics, catalogue: catalogue.sources };
}
