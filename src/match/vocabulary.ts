import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { UnherdError } from '../errors.js';

/**
 * The skills vocabulary (src/match/vocabulary/*.yml): what ads ask for and what in a repository
 * shows it, kept as data so people who know the field can extend it (`--vocabulary my.yml`;
 * an entry with a bundled id replaces it).
 */

const Strings = v.optional(v.array(v.string()));
const Rule = v.strictObject({
  imports: Strings,
  packages: Strings,
  files: Strings,
  calls: Strings,
  code: Strings,
  languages: Strings,
  infra: Strings,
  signals: Strings,
  commits: v.optional(v.number()),
  status: v.optional(v.picklist(['covered', 'partial'])),
});

const SkillEntry = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/)),
  name: v.string(),
  category: v.picklist(['tool', 'skill']),
  onet: v.optional(v.boolean()),
  aliases: v.array(v.string()),
  exact: Strings,
  cased: Strings,
  evidence: v.array(Rule),
  related: Strings,
  addition: v.optional(v.string()),
  readme: v.optional(v.boolean()),
});

const AdditionEntry = v.strictObject({ id: v.string(), name: v.string(), advice: v.string() });
const FocusEntry = v.strictObject({
  id: v.string(),
  patterns: v.array(v.string()),
  /** Patterns that imply the round on their own ("publications at ACL"); the others need two sentences. */
  strong: v.optional(v.array(v.string())),
  advice: v.string(),
});

const VocabularyFile = v.strictObject({
  version: v.literal(1),
  skills: v.optional(v.array(SkillEntry)),
  additions: v.optional(v.array(AdditionEntry)),
  foci: v.optional(v.array(FocusEntry)),
});

export type EvidenceRule = v.InferOutput<typeof Rule>;
export type SkillEntry = v.InferOutput<typeof SkillEntry>;
export type AdditionEntry = v.InferOutput<typeof AdditionEntry>;
export type FocusEntry = v.InferOutput<typeof FocusEntry>;

/** A compiled way of finding a skill in text. */
interface AliasPattern {
  regex: RegExp;
  /** Matched words (see aliasKey) → the skills they name. */
  lookup: Map<string, string[]>;
  /** Only counts inside a list of other tools (R, C, Go). */
  listOnly: boolean;
  /** Matched case-sensitively: a product name that is also a word (Excel, Dash). */
  cased: boolean;
}

export interface Vocabulary {
  skills: SkillEntry[];
  byId: Map<string, SkillEntry>;
  additions: AdditionEntry[];
  foci: FocusEntry[];
  patterns: AliasPattern[];
  sources: string[];
}

const BUNDLED = ['skills.yml', 'additions.yml', 'interview.yml'];

function bundledPath(name: string): string {
  return fileURLToPath(new URL(`./vocabulary/${name}`, import.meta.url));
}

function parseFile(text: string, file: string): v.InferOutput<typeof VocabularyFile> {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new UnherdError(
      'CONFIG',
      `${file}: YAML syntax error: ${doc.errors[0]!.message.split('\n')[0]}`,
      'fix the vocabulary file or leave it out',
    );
  }
  const result = v.safeParse(VocabularyFile, doc.toJS());
  if (!result.success) {
    const issue = result.issues[0]!;
    const where = (issue.path ?? []).map((p) => String(p.key)).join('.');
    throw new UnherdError(
      'CONFIG',
      `${file}: ${issue.message}${where ? ` at ${where}` : ''}`,
      'see docs/match.md for the vocabulary format',
    );
  }
  return result.output;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Spaces and hyphens in an alias match any run of them: "scikit learn" finds "scikit-learn". */
function aliasSource(alias: string): string {
  return alias
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegex)
    .join('[\\s-]+');
}

/** Word boundaries that also keep C++, C#, .NET and node.js whole. */
const BEFORE = "(?<![\\p{L}\\p{N}_+#@&.'’-])";
const AFTER = "(?![\\p{L}\\p{N}_+#&'’]|-\\p{L}|\\.\\p{L})";

/** The key an alias and a match share: lower case (unless cased), runs of spaces and hyphens as one space. */
function aliasKey(text: string, cased: boolean): string {
  const k = text
    .trim()
    .split(/[\s-]+/)
    .join(' ');
  return cased ? k : k.toLowerCase();
}

/**
 * All aliases of a kind in one regular expression, longest first (an alternation takes the first
 * alternative that matches, not the longest), and a table from the matched words back to the
 * skills: one scan per text instead of one per skill.
 */
function compile(skills: SkillEntry[]): AliasPattern[] {
  const kinds = [
    { pick: (s: SkillEntry) => s.aliases, flags: 'giu', listOnly: false, cased: false },
    { pick: (s: SkillEntry) => s.cased ?? [], flags: 'gu', listOnly: false, cased: true },
    { pick: (s: SkillEntry) => s.exact ?? [], flags: 'gu', listOnly: true, cased: true },
  ];
  const out: AliasPattern[] = [];
  for (const kind of kinds) {
    const lookup = new Map<string, string[]>();
    for (const s of skills) {
      for (const alias of kind.pick(s)) {
        if (alias.trim() === '') continue;
        const key = aliasKey(alias, kind.cased);
        const ids = lookup.get(key) ?? [];
        if (!ids.includes(s.id)) ids.push(s.id);
        lookup.set(key, ids);
      }
    }
    if (lookup.size === 0) continue;
    const sources = [...lookup.keys()].sort((a, b) => b.length - a.length).map(aliasSource);
    out.push({
      regex: new RegExp(`${BEFORE}(?:${sources.join('|')})${AFTER}`, kind.flags),
      lookup,
      listOnly: kind.listOnly,
      cased: kind.cased,
    });
  }
  return out;
}

function mergeById<T extends { id: string }>(base: T[], extra: T[]): T[] {
  const byId = new Map(base.map((e) => [e.id, e]));
  for (const e of extra) byId.set(e.id, e);
  return [...byId.values()];
}

const cache = new Map<string, Vocabulary>();

/** The bundled vocabulary with the user's files laid over it; cached per list of files. */
export function loadVocabulary(extraFiles: readonly string[] = []): Vocabulary {
  const key = extraFiles.join('\0');
  const hit = cache.get(key);
  if (hit) return hit;
  let skills: SkillEntry[] = [];
  let additions: AdditionEntry[] = [];
  let foci: FocusEntry[] = [];
  const sources: string[] = [];
  for (const path of [...BUNDLED.map(bundledPath), ...extraFiles]) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new UnherdError(
        'CONFIG',
        `cannot read vocabulary file ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`,
      );
    }
    const file = parseFile(text, path);
    skills = mergeById(skills, file.skills ?? []);
    additions = mergeById(additions, file.additions ?? []);
    foci = mergeById(foci, file.foci ?? []);
    sources.push(path);
  }
  for (const s of skills) {
    for (const rule of s.evidence) {
      for (const re of [...(rule.calls ?? []), ...(rule.code ?? [])]) {
        try {
          compileRule(re);
        } catch {
          throw new UnherdError('CONFIG', `skill ${s.id}: invalid regular expression ${re}`);
        }
      }
    }
  }
  const vocabulary: Vocabulary = {
    skills,
    byId: new Map(skills.map((s) => [s.id, s])),
    additions,
    foci,
    patterns: compile(skills),
    sources,
  };
  cache.set(key, vocabulary);
  return vocabulary;
}

const ruleCache = new Map<string, RegExp>();

/** A rule's regular expression; a leading `(?i)` makes it case-insensitive. */
export function compileRule(source: string): RegExp {
  let re = ruleCache.get(source);
  if (!re) {
    re = source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
    ruleCache.set(source, re);
  }
  return re;
}

export interface SkillMention {
  skill: string;
  start: number;
  end: number;
  text: string;
}

/** Separators that make a capital R, C or Go an item of a list rather than a letter or a verb. */
const LIST_BEFORE = /(?:^|[,/;(:\u200B]|\b(?:and|or|in|with|using|of|e\.g\.|like|including))\s*$/;
const LIST_AFTER =
  /^\s*(?:$|[,/;).:\u200B]|(?:and|or)\b|\+\+|programming|language|experience|developer|skills|code|required|preferred|is|are|\()/;
/** Product names that are also English words: "Excel at", "Dash of". */
const WORD_AFTER = /^\s+(?:at|in|as|on|of|into|through|under)\b/;

/**
 * Skills named in a piece of text, longest match first, never overlapping: "Spark SQL" is Spark,
 * not also SQL; "SQL Server" is a database, not the language. R, C and Go count only as items
 * of a list ("Python, R and SQL", "C/C++"), never as a stray capital letter or verb.
 */
export function findSkills(text: string, vocabulary: Vocabulary): SkillMention[] {
  const found: SkillMention[] = [];
  for (const p of vocabulary.patterns) {
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(text); m !== null; m = p.regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (p.cased && WORD_AFTER.test(text.slice(end, end + 10))) continue;
      if (p.listOnly) {
        const before = text.slice(Math.max(0, start - 12), start);
        const after = text.slice(end, end + 14);
        if (before.endsWith('(') && after.startsWith(')')) continue; // the registered mark (R)
        if (!LIST_BEFORE.test(before) || !LIST_AFTER.test(after)) continue;
      }
      for (const skill of p.lookup.get(aliasKey(m[0], p.cased)) ?? [])
        found.push({ skill, start, end, text: m[0] });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: SkillMention[] = [];
  for (const f of found) {
    // One name may stand for two skills (EKS: AWS and Kubernetes); a shorter name inside a longer one does not.
    if (kept.some((k) => f.start < k.end && k.start < f.end && !(k.start === f.start && k.end === f.end)))
      continue;
    kept.push(f);
  }
  // A listed R, C or Go needs another tool beside it.
  const tools = kept.filter((k) => vocabulary.byId.get(k.skill)?.category === 'tool');
  // "programming in R", "R programming", "R Studio" need no other tool to be read as the language.
  const spoken = (k: SkillMention) =>
    /\b(programming|coding|scripting|code|develop\w*)\s+(in|with)\s*$/i.test(
      text.slice(Math.max(0, k.start - 24), k.start),
    ) ||
    /^\s*(programming|language|studio|markdown|shiny|packages|libraries)\b/i.test(
      text.slice(k.end, k.end + 14),
    );
  return kept
    .filter((k) => {
      const isLetter = /^(R|C|Go)$/.test(k.text);
      return !isLetter || tools.length > 1 || spoken(k);
    })
    .sort((a, b) => a.start - b.start);
}
