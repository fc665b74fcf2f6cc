import type { RepoFiles } from '../../source/repo-files.js';
import type { TreeFile } from '../tree/types.js';

/**
 * R, R Markdown, Quarto, SQL and Stata code read as text, so that these projects feed the same
 * facts as Python and notebooks: the data they read, the packages they load (collection, web
 * apps, tests), the strings that name files and URLs. The scan is a lexical approximation, never
 * an evaluation: it reads calls whose arguments are string literals or bare names.
 */
export type ScriptLanguage = 'R' | 'SQL' | 'Stata';

export interface ScriptFile {
  path: string;
  language: ScriptLanguage;
  /** An R Markdown or Quarto document: only its R chunks are code. */
  literate: boolean;
  codeLines: number;
}

export interface ScriptCall {
  /** As written, package prefix dropped: `read.csv`, `GET`, `data`, `test_that`. */
  callee: string;
  /** `httr` for `httr::GET(…)`, else undefined. */
  pkg?: string;
  /** String-literal arguments (first 3); for a few calls (`data(iris)`) a bare name too. */
  stringArgs: string[];
  file: string;
  line: number;
}

export interface ScriptsScan {
  files: ScriptFile[];
  /** Packages loaded: `library(x)`, `require(x)`, `pacman::p_load(a, b)`, `x::fn`. */
  libraries: { name: string; file: string; line: number }[];
  calls: ScriptCall[];
  /** String literals that look like a path, a file name or a URL. */
  strings: { value: string; file: string; line: number }[];
  /** Prose of R Markdown and Quarto documents (outside chunks), for phrases. */
  prose: { file: string; text: string }[];
  problems: { file: string; reason: string }[];
}

const LANGUAGE_BY_EXT: Record<string, { language: ScriptLanguage; literate: boolean }> = {
  r: { language: 'R', literate: false },
  rmd: { language: 'R', literate: true },
  qmd: { language: 'R', literate: true },
  sql: { language: 'SQL', literate: false },
  do: { language: 'Stata', literate: false },
};

const MAX_FILES = 300;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_CALLS = 20_000;
const MAX_STRINGS = 5_000;
const MAX_LINE = 2_000;

const VENDORED =
  /(^|\/)(renv\/library|packrat\/lib|site-packages|node_modules|\.?venv|dbt_packages|target)\//;

/** One scan per opened repository: signals, infra and herd share it rather than each reading R files. */
const memo = new WeakMap<RepoFiles, Promise<ScriptsScan>>();

export function scanScripts(files: RepoFiles, tree: readonly TreeFile[]): Promise<ScriptsScan> {
  let found = memo.get(files);
  if (!found) {
    found = scan(files, tree);
    memo.set(files, found);
  }
  return found;
}

async function scan(files: RepoFiles, tree: readonly TreeFile[]): Promise<ScriptsScan> {
  const out: ScriptsScan = { files: [], libraries: [], calls: [], strings: [], prose: [], problems: [] };
  const wanted = tree.filter((f) => LANGUAGE_BY_EXT[f.ext] && !VENDORED.test(f.path)).slice(0, MAX_FILES);
  for (const f of wanted) {
    const kind = LANGUAGE_BY_EXT[f.ext]!;
    const text = await files.readTextOrNull(f.path, MAX_FILE_BYTES, out.problems);
    if (text === null) continue;
    const lines = text.split('\n');
    const code = kind.literate ? chunkLines(lines, out, f.path) : lines;
    let codeLines = 0;
    for (let i = 0; i < code.length; i++) {
      const raw = code[i]!.slice(0, MAX_LINE);
      const line =
        kind.language === 'SQL'
          ? stripSqlComment(raw)
          : kind.language === 'Stata'
            ? stripStataComment(raw)
            : stripRComment(raw);
      if (line.trim() === '') continue;
      codeLines++;
      if (kind.language === 'R') scanRLine(line, f.path, i + 1, out);
      else
        scanStrings(
          line,
          f.path,
          i + 1,
          out,
          kind.language === 'SQL' ? /'([^'\n]{1,300})'/g : /"([^"\n]{1,300})"/g,
        );
    }
    out.files.push({ path: f.path, language: kind.language, literate: kind.literate, codeLines });
  }
  return out;
}

/**
 * R chunks of an R Markdown or Quarto document, line numbers kept (other lines blanked); the
 * prose outside chunks is kept for phrase matching. Python chunks are not R code.
 */
function chunkLines(lines: string[], out: ScriptsScan, path: string): string[] {
  const code: string[] = [];
  const prose: string[] = [];
  let inR = false;
  let inOther = false;
  for (const l of lines) {
    const open = /^\s*(```+|~~~+)\s*\{\s*([A-Za-z]+)/.exec(l);
    if (!inR && !inOther && open) {
      if (open[2]!.toLowerCase() === 'r') inR = true;
      else inOther = true;
      code.push('');
      continue;
    }
    if ((inR || inOther) && /^\s*(```+|~~~+)\s*$/.test(l)) {
      inR = false;
      inOther = false;
      code.push('');
      continue;
    }
    code.push(inR ? l : '');
    if (!inR && !inOther) prose.push(l);
  }
  out.prose.push({ file: path, text: prose.join('\n').slice(0, 200_000) });
  return code;
}

function stripRComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return line.slice(0, i);
  }
  return line;
}

function stripSqlComment(line: string): string {
  const i = line.indexOf('--');
  return i >= 0 && (line.slice(0, i).split("'").length - 1) % 2 === 0 ? line.slice(0, i) : line;
}

function stripStataComment(line: string): string {
  if (/^\s*\*/.test(line)) return '';
  const i = line.indexOf('//');
  return i >= 0 ? line.slice(0, i) : line;
}

const PATHISH =
  /[/\\]|\.(csv|tsv|txt|xlsx?|json|rds|rda|rdata|parquet|feather|sav|dta|zip|gz|db|sqlite|data)$|^https?:\/\//i;

function scanStrings(line: string, file: string, lineNo: number, out: ScriptsScan, re: RegExp): void {
  for (const m of line.matchAll(re)) {
    if (out.strings.length >= MAX_STRINGS) return;
    if (PATHISH.test(m[1]!)) out.strings.push({ value: m[1]!, file, line: lineNo });
  }
}

const R_CALL = /(?:([A-Za-z][\w.]*):::?)?([A-Za-z.][\w.]*)\s*\(/g;
const R_NAMESPACED = /(?<![\w.])([A-Za-z][\w.]*):::?[A-Za-z.][\w.]*(?!\s*\()/g;
const R_STRING = /"((?:[^"\\\n]|\\.){0,300})"|'((?:[^'\\\n]|\\.){0,300})'/g;
/** Calls whose first argument is often a bare name meant as a string (`library(dplyr)`, `data(iris)`). */
const BARE_NAME_CALLS = new Set(['library', 'require', 'requireNamespace', 'data', 'p_load', 'use_package']);
/** Functions that take a data frame first: `head(iris)`, `ggplot(mtcars, …)`; the bare name stands for a data set. */
const DATA_FIRST = new Set([
  'head',
  'str',
  'summary',
  'ggplot',
  'glimpse',
  'View',
  'nrow',
  'dim',
  'names',
  'as_tibble',
  'as.data.frame',
  'skim',
  'tail',
  'table',
  'pairs',
  'plot',
]);

function scanRLine(line: string, file: string, lineNo: number, out: ScriptsScan): void {
  for (const m of line.matchAll(R_STRING)) {
    const value = m[1] ?? m[2] ?? '';
    if (out.strings.length < MAX_STRINGS && PATHISH.test(value))
      out.strings.push({ value, file, line: lineNo });
  }
  // `pkg::object$method(…)` uses the package without a call right after `::`.
  for (const m of line.matchAll(R_NAMESPACED)) addLibrary(out, m[1]!, file, lineNo);
  for (const m of line.matchAll(R_CALL)) {
    if (out.calls.length >= MAX_CALLS) return;
    const pkg = m[1];
    const callee = m[2]!;
    if (pkg) addLibrary(out, pkg, file, lineNo);
    const args = argumentsAfter(line, (m.index ?? 0) + m[0].length);
    const stringArgs = [...args.matchAll(R_STRING)].slice(0, 3).map((s) => s[1] ?? s[2] ?? '');
    const bare = /^\s*(?:[\w.]+\s*=\s*)?([A-Za-z][\w.]*)\s*(?:[,)]|$)/.exec(args)?.[1];
    if (stringArgs.length === 0 && bare && BARE_NAME_CALLS.has(callee)) stringArgs.push(bare);
    out.calls.push({ callee, ...(pkg ? { pkg } : {}), stringArgs, file, line: lineNo });
    // A bare name handed to a data-frame function, or as `data =`, is a data set in use: `data(<name>)`.
    const dataArg =
      /\bdata\s*=\s*([A-Za-z][\w.]*)\s*[,)]/.exec(args)?.[1] ?? (DATA_FIRST.has(callee) ? bare : undefined);
    if (dataArg && dataArg !== 'data' && callee !== 'data')
      out.calls.push({ callee: 'data', stringArgs: [dataArg], file, line: lineNo });
    if (callee === 'library' || callee === 'require' || callee === 'requireNamespace') {
      if (stringArgs[0]) addLibrary(out, stringArgs[0], file, lineNo);
    } else if (callee === 'p_load') {
      for (const name of args.split(')')[0]!.split(',')) {
        const n = name.trim().replace(/^["']|["']$/g, '');
        if (/^[A-Za-z][\w.]*$/.test(n) && !n.includes('=')) addLibrary(out, n, file, lineNo);
      }
    }
  }
}

/** The text of a call's arguments on the same line, up to its closing parenthesis. */
function argumentsAfter(line: string, start: number): string {
  let depth = 1;
  let quote: string | null = null;
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return line.slice(start, i + 1);
  }
  return line.slice(start);
}

function addLibrary(out: ScriptsScan, name: string, file: string, line: number): void {
  if (!out.libraries.some((l) => l.name === name && l.file === file))
    out.libraries.push({ name, file, line });
}
