import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import type { LineCounter, parseDocument } from 'yaml';
import { UnherdError } from '../errors.js';
import { yamlModule } from '../lazy-require.js';

/**
 * The herd catalogue: stock datasets, course capstones and overused topics, kept as YAML data files
 * (src/herd/catalogue/*.yml) so that people who know the field can extend it without touching code.
 * Users add their own files (`--catalogue my.yml`); entries with the same id replace bundled ones.
 */

const FileSignal = v.strictObject({ name: v.string(), weak: v.optional(v.boolean()) });
const Columns = v.array(v.union([v.string(), v.number()]));
const HeaderSignal = v.union([
  Columns,
  v.strictObject({ columns: Columns, weak: v.optional(v.boolean()), prefix: v.optional(v.boolean()) }),
]);
const LoaderSignal = v.strictObject({
  call: v.string(),
  arg: v.optional(v.string()),
  module: v.optional(v.string()),
});

const DatasetEntry = v.strictObject({
  id: v.string(),
  name: v.string(),
  task: v.string(),
  topic: v.optional(v.string()),
  note: v.optional(v.string()),
  /** Names people call it by (`Spaceship Titanic`): weak, seen in the repository's name and headlines. */
  names: v.optional(v.array(v.string())),
  files: v.optional(v.array(FileSignal)),
  /** File-name patterns (`*adventureworks*.sql`), `*` for any characters; strong. */
  fileGlobs: v.optional(v.array(v.string())),
  headers: v.optional(v.array(HeaderSignal)),
  headerPrefix: v.optional(v.boolean()),
  headerSubset: v.optional(v.boolean()),
  loaders: v.optional(v.array(LoaderSignal)),
  kaggle: v.optional(v.array(v.string())),
  urls: v.optional(v.array(v.string())),
  layouts: v.optional(v.array(v.string())),
  weakOnly: v.optional(v.boolean()),
});

const CapstoneEntry = v.strictObject({
  id: v.string(),
  name: v.string(),
  course: v.string(),
  files: v.optional(v.array(FileSignal)),
  fileGlobs: v.optional(v.array(v.string())),
  phrases: v.optional(v.array(v.string())),
  weakPhrases: v.optional(v.array(v.string())),
  urls: v.optional(v.array(v.string())),
  layouts: v.optional(v.array(v.string())),
  repoNames: v.optional(v.array(v.string())),
  /** The course walks every student through the same API calls or scraping: not their own data. */
  guidedCollection: v.optional(v.boolean()),
});

const TopicEntry = v.strictObject({ id: v.string(), name: v.string(), phrases: v.array(v.string()) });

const CatalogueFile = v.strictObject({
  version: v.literal(1),
  datasets: v.optional(v.array(DatasetEntry)),
  capstones: v.optional(v.array(CapstoneEntry)),
  topics: v.optional(v.array(TopicEntry)),
});

export type DatasetEntry = v.InferOutput<typeof DatasetEntry>;
export type CapstoneEntry = v.InferOutput<typeof CapstoneEntry>;
export type TopicEntry = v.InferOutput<typeof TopicEntry>;

export interface HeaderFingerprint {
  /** Normalised column names. */
  columns: string[];
  weak: boolean;
  /** The fingerprint lists only some columns of the real header: extra columns are expected. */
  partial: boolean;
}

export interface Catalogue {
  datasets: DatasetEntry[];
  capstones: CapstoneEntry[];
  topics: TopicEntry[];
  /** Files it was built from, bundled first. */
  sources: string[];
}

/** Column names compared as people write them differently: quotes, case, surrounding blanks, a BOM. */
export function normaliseColumn(name: string | number): string {
  return String(name)
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
}

const fingerprintCache = new WeakMap<DatasetEntry, HeaderFingerprint[]>();

export function headerFingerprints(entry: DatasetEntry): HeaderFingerprint[] {
  const cached = fingerprintCache.get(entry);
  if (cached) return cached;
  const fingerprints = buildFingerprints(entry);
  fingerprintCache.set(entry, fingerprints);
  return fingerprints;
}

function buildFingerprints(entry: DatasetEntry): HeaderFingerprint[] {
  return (entry.headers ?? []).map((h) => {
    const raw = Array.isArray(h) ? h : h.columns;
    const columns = raw.map(normaliseColumn);
    const weak = (!Array.isArray(h) && h.weak === true) || columns.length <= 3;
    const partial =
      (!Array.isArray(h) && h.prefix === true) || entry.headerPrefix === true || entry.headerSubset === true;
    return { columns, weak, partial };
  });
}

const BUNDLED = ['datasets.yml', 'capstones.yml', 'topics.yml'];

function bundledPath(name: string): string {
  return fileURLToPath(new URL(`./catalogue/${name}`, import.meta.url));
}

/** Parses and validates one catalogue file; errors name the file and line. */
export function parseCatalogueFile(text: string, file: string): v.InferOutput<typeof CatalogueFile> {
  // YAML is parsed only for a user's catalogue file: the bundled one is compiled to JSON at build time.
  const { LineCounter, parseDocument } = yamlModule();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = lineCounter.linePos(err.pos[0]);
    throw new UnherdError(
      'CONFIG',
      `${file}:${pos.line}:${pos.col}: YAML syntax error: ${err.message.split('\n')[0]}`,
      'fix the catalogue file or leave it out',
    );
  }
  const result = v.safeParse(CatalogueFile, doc.toJS());
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = (issue.path ?? []).map((p) => p.key as string | number);
    const line = lineOf(doc, lineCounter, path, issue.kind === 'schema' && issue.type === 'strict_object');
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    const what =
      issue.type === 'strict_object'
        ? `unknown field "${String(issue.input)}"`
        : issue.message.replace(/^Invalid /, 'invalid ');
    throw new UnherdError(
      'CONFIG',
      `${file}:${line}: ${what}${where}`,
      'see docs/herd.md for the catalogue format',
    );
  }
  return result.output;
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: (string | number)[],
  unknownKey: boolean,
): number {
  // Walk down as far as the path exists; an unknown key is found by looking at its parent's keys.
  const { isMap, isSeq } = yamlModule();
  let node: unknown = doc.contents;
  let line = 1;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      const range = (pair.key as { range?: [number, number, number] }).range;
      if (range) line = counter.linePos(range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      const range = (node as { range?: [number, number, number] })?.range;
      if (range) line = counter.linePos(range[0]).line;
    } else break;
  }
  void unknownKey;
  return line;
}

function loadFile(path: string): v.InferOutput<typeof CatalogueFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UnherdError(
      'CONFIG',
      `Cannot read catalogue file ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
  return parseCatalogueFile(text, path);
}

function mergeById<T extends { id: string }>(base: T[], extra: T[]): T[] {
  const byId = new Map(base.map((e) => [e.id, e]));
  for (const e of extra) byId.set(e.id, e);
  return [...byId.values()];
}

/** What `npm run build` writes beside the compiled loader: the bundled files, parsed and validated. */
export const COMPILED_NAME = 'bundled.json';

interface CompiledCatalogue {
  files: { name: string; data: v.InferOutput<typeof CatalogueFile> }[];
}

/**
 * Parses and validates the bundled YAML files into the JSON the built CLI loads instead (a YAML
 * parse of the catalogue cost about 150 ms of every start). The build calls it after compiling,
 * so a change to the YAML is picked up by the next build; a file that fails validation fails the build.
 */
export function compileBundledCatalogue(folder: string): string {
  const compiled: CompiledCatalogue = {
    files: BUNDLED.map((name) => ({ name, data: loadFile(join(folder, name)) })),
  };
  return JSON.stringify(compiled);
}

/**
 * The bundled files, from the build's JSON when it is there (the built CLI) and from the YAML
 * otherwise (sources run under tsx, where the YAML is the only copy).
 */
function bundledFiles(): { path: string; data: v.InferOutput<typeof CatalogueFile> }[] {
  let compiled: CompiledCatalogue | null = null;
  try {
    compiled = JSON.parse(readFileSync(bundledPath(COMPILED_NAME), 'utf8')) as CompiledCatalogue;
  } catch {
    compiled = null;
  }
  if (compiled && compiled.files.map((f) => f.name).join() === BUNDLED.join()) {
    return compiled.files.map((f) => ({ path: bundledPath(f.name), data: f.data }));
  }
  return BUNDLED.map((name) => ({ path: bundledPath(name), data: loadFile(bundledPath(name)) }));
}

const cache = new Map<string, Catalogue>();

/** The bundled catalogue with the user's files laid over it; cached per list of files. */
export function loadCatalogue(extraFiles: readonly string[] = []): Catalogue {
  const key = extraFiles.join('\0');
  const hit = cache.get(key);
  if (hit) return hit;
  let catalogue: Catalogue = { datasets: [], capstones: [], topics: [], sources: [] };
  const files = [...bundledFiles(), ...extraFiles.map((path) => ({ path, data: loadFile(path) }))];
  for (const { path, data: file } of files) {
    catalogue = {
      datasets: mergeById(catalogue.datasets, file.datasets ?? []),
      capstones: mergeById(catalogue.capstones, file.capstones ?? []),
      topics: mergeById(catalogue.topics, file.topics ?? []),
      sources: [...catalogue.sources, path],
    };
  }
  cache.set(key, catalogue);
  return catalogue;
}
