import moo from 'moo';
import { hashString, TokenStream } from './tokenise.js';

/**
 * The fast path of copy detection: the same normalised token stream as the tree-sitter walk in
 * `tokenise.ts`, read by a lexer instead of a parser. The walk keeps only leaves (keywords,
 * operators, identifiers, literal kinds) plus open/close marks for blocks, which is lexical
 * information, so a lexer that knows Python's indentation, statements and string rules gives the
 * identical stream for ordinary code, several times faster than parsing in wasm and walking the
 * tree through the JavaScript/wasm boundary.
 *
 * Whatever the lexer is not sure to read as tree-sitter does (an unterminated string, unbalanced
 * brackets, an unexpected indent, Python 2 `print x`, `match` statements, characters it does not
 * know) makes it return null, and the caller parses that text with tree-sitter instead: the parser
 * stays the authority, the lexer only answers where it agrees with it. `lex.test.ts` and
 * `scripts/lexer-parity.ts` compare both streams over hand-written edge cases and real code.
 */

const STRING_PREFIX = '(?:[rRbBuUfFtT]|[rR][bBfFtT]|[bBfFtT][rR])?';
/** Triple-quoted first (they contain the short form); escapes are honoured even in raw strings, as Python ends them. */
const STRING_PATTERN = new RegExp(
  `${STRING_PREFIX}(?:"""(?:[^"\\\\]|\\\\[\\s\\S]|"(?!""))*"""|'''(?:[^'\\\\]|\\\\[\\s\\S]|'(?!''))*'''|"(?:[^"\\\\\\r\\n]|\\\\[\\s\\S])*"|'(?:[^'\\\\\\r\\n]|\\\\[\\s\\S])*')`,
  'u',
);
const DIGITS = '\\d(?:_?\\d)*';
const EXPONENT = `[eE][+-]?${DIGITS}`;
const NUMBER_PATTERN = new RegExp(
  [
    '0[xX](?:_?[0-9a-fA-F])+[lL]?',
    '0[oO](?:_?[0-7])+[lL]?',
    '0[bB](?:_?[01])+[lL]?',
    `(?:${DIGITS})?\\.${DIGITS}(?:${EXPONENT})?[jJ]?`,
    `${DIGITS}\\.(?:${DIGITS})?(?:${EXPONENT})?[jJ]?`,
    `${DIGITS}${EXPONENT}[jJ]?`,
    `${DIGITS}[jJlL]?`,
  ].join('|'),
  'u',
);
/** Longest first: moo tries the literals of one rule longest first itself, but be explicit. */
const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '<>',
  '<<',
  '>>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '&',
  '|',
  '^',
  '~',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ';',
  '.',
  '=',
];

const lexer = moo.compile({
  // Tree-sitter's grammar counts these as white space too (a BOM, zero-width spaces).
  ws: /[ \t\f\uFEFF\u2060\u200B]+/u,
  cont: { match: /\\\r?\n/u, lineBreaks: true },
  comment: /#[^\r\n]*/u,
  nl: { match: /\r?\n|\r/u, lineBreaks: true },
  string: { match: STRING_PATTERN, lineBreaks: true },
  number: NUMBER_PATTERN,
  name: /[\p{ID_Start}_][\p{ID_Continue}]*/u,
  op: OPERATORS,
});

/** Keywords the grammar gives as anonymous tokens, hashed by their own text as the walk does. */
const KEYWORDS = new Set([
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
/** Named leaves: the walk hashes their type name, not their text. */
const NAMED_LEAVES = new Map([
  ['None', 'none'],
  ['True', 'true'],
  ['False', 'false'],
]);
/**
 * Words that are keywords only in some statements; where the lexer cannot tell, tree-sitter
 * decides. The grammar even reads `type(x).attr = v` as the start of a type alias, so only an
 * assignment to the name, an attribute of it, or a `print(…)` call is taken as a plain name.
 */
const AMBIGUOUS_AT_STATEMENT_START = new Set(['print', 'exec', 'match', 'case', 'type']);
/** Statements that open a block after their header's colon. */
const COMPOUND = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'def',
  'class',
  'async',
]);
const OPENERS = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);

const ID_HASH = hashString('<id>');
const STR_HASH = hashString('<str>');
const NUM_HASH = hashString('<num>');
const OPEN_HASH = hashString('{');
const CLOSE_HASH = hashString('}');
const CONTINUATION_HASH = hashString('line_continuation');
const MODULE_HASH = hashString('module');
const NOT_IN_HASH = hashString('not in');
const IS_NOT_HASH = hashString('is not');
const ELLIPSIS_HASH = hashString('ellipsis');

const fixedHashes = new Map<string, number>();
function fixedHash(text: string): number {
  let h = fixedHashes.get(text);
  if (h === undefined) {
    h = hashString(text);
    fixedHashes.set(text, h);
  }
  return h;
}
const attributeHashes = new Map<string, number>();
function attributeHash(name: string): number {
  let h = attributeHashes.get(name);
  if (h === undefined) {
    h = hashString(`.${name}`);
    if (attributeHashes.size < 10_000) attributeHashes.set(name, h);
  }
  return h;
}

const STRING = 1;
const NUMBER = 2;
const NAME = 3;
const OP = 4;
const CONT = 5;
const NEWLINE = 6;
const INDENT = 7;
const DEDENT = 8;
const KIND_OF: Record<string, number> = { string: STRING, number: NUMBER, name: NAME, op: OP };

/** Logical lexemes, column by column (one array per field: few objects for the collector). */
interface Lexemes {
  kinds: number[];
  texts: string[];
  lines: number[];
  endLines: number[];
}

/** Thrown inside the lexer when the text is outside what it reads exactly as tree-sitter does. */
class Unsure extends Error {}

/**
 * Logical lexemes: white space and comments gone, newlines only where a statement ends, and
 * indent/dedent marks from the indentation of each logical line (a tab to the next multiple of 8).
 */
function lexemes(source: string): Lexemes {
  const kinds: number[] = [];
  const texts: string[] = [];
  const lines: number[] = [];
  const endLines: number[] = [];
  const add = (kind: number, text: string, line: number, endLine: number) => {
    kinds.push(kind);
    texts.push(text);
    lines.push(line);
    endLines.push(endLine);
  };
  const indents = [0];
  const brackets: string[] = [];
  let atLineStart = true;
  let column = 0;
  let lastLine = 1;
  lexer.reset(source);
  for (;;) {
    let tok: moo.Token | undefined;
    try {
      tok = lexer.next();
    } catch {
      throw new Unsure('a character outside the lexer');
    }
    if (tok === undefined) break;
    const type = tok.type!;
    if (type === 'ws') {
      if (atLineStart) {
        const ws = tok.value;
        for (let i = 0; i < ws.length; i++)
          column = ws.charCodeAt(i) === 9 ? (Math.floor(column / 8) + 1) * 8 : column + 1;
      }
      continue;
    }
    if (type === 'comment') continue;
    if (type === 'nl') {
      if (brackets.length === 0) {
        if (!atLineStart) add(NEWLINE, '', tok.line, tok.line);
        atLineStart = true;
        column = 0;
      }
      continue;
    }
    if (type === 'cont') {
      if (atLineStart && brackets.length === 0) throw new Unsure('a continuation line on its own');
      add(CONT, '\\', tok.line, tok.line);
      continue;
    }
    if (atLineStart) {
      atLineStart = false;
      const top = indents[indents.length - 1]!;
      if (column > top) {
        indents.push(column);
        add(INDENT, '', tok.line, tok.line);
      } else if (column < top) {
        while (column < indents[indents.length - 1]!) {
          indents.pop();
          add(DEDENT, '', lastLine, lastLine);
        }
        if (column !== indents[indents.length - 1]) throw new Unsure('a dedent to no enclosing level');
      }
    }
    const value = tok.value;
    const kind = KIND_OF[type]!;
    if (kind === OP) {
      const close = OPENERS.get(value);
      if (close !== undefined) brackets.push(close);
      else if ((value === ')' || value === ']' || value === '}') && brackets.pop() !== value)
        throw new Unsure('unbalanced brackets');
    }
    const endLine = tok.line + tok.lineBreaks;
    add(kind, value, tok.line, endLine);
    lastLine = endLine;
  }
  if (brackets.length !== 0) throw new Unsure('an unclosed bracket');
  if (!atLineStart) add(NEWLINE, '', lastLine, lastLine);
  while (indents.length > 1) {
    indents.pop();
    add(DEDENT, '', lastLine, lastLine);
  }
  return { kinds, texts, lines, endLines };
}

/**
 * Whether an f-string's replacement fields close inside it. Since Python 3.12 a field may hold a
 * string in the same quotes (`f"{d[f"{k}"]}"`), which the lexer would end early; the braces
 * then do not balance and the parser reads the whole string instead.
 */
function fStringBalanced(text: string): boolean {
  const quote = text.search(/["']/);
  if (!/[fF]/.test(text.slice(0, quote)) || !text.includes('{')) return true;
  let depth = 0;
  for (let i = quote; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      if (depth === 0 && text[i + 1] === '{') i++;
      else depth++;
    } else if (ch === '}') {
      if (depth === 0 && text[i + 1] === '}') i++;
      else if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Where the statement that starts at `i` ends: the index of its newline or `;` (or the end). */
function statementEnd({ kinds, texts }: Lexemes, i: number): number {
  let depth = 0;
  for (let j = i; j < kinds.length; j++) {
    const kind = kinds[j]!;
    if (kind === NEWLINE || kind === DEDENT || kind === INDENT) return j;
    if (kind === OP) {
      const text = texts[j]!;
      if (OPENERS.has(text)) depth++;
      else if (text === ')' || text === ']' || text === '}') depth--;
      else if (text === ';' && depth === 0) return j;
    }
  }
  return kinds.length;
}

/** Whether the statement from `i` to `end` is only strings: a docstring, dropped as the walk drops it. */
function onlyStrings(kinds: readonly number[], i: number, end: number): boolean {
  for (let j = i; j < end; j++) if (kinds[j] !== STRING && kinds[j] !== CONT) return false;
  return end > i;
}

/**
 * The normalised token stream of one piece of Python, identical to `tokenise(tree, source)` on the
 * code this lexer reads; null where it is not sure, so the caller parses instead.
 */
export function lexTokens(source: string): TokenStream | null {
  const got = lexOrReason(source);
  return typeof got === 'string' ? null : got;
}

const INLINE = 1;
const INDENTED = 2;

/** The token stream, or why the lexer declines (for `scripts/lexer-parity.ts` and tests). */
export function lexOrReason(source: string): TokenStream | string {
  let lx: Lexemes;
  try {
    lx = lexemes(source);
  } catch (err) {
    if (err instanceof Unsure) return err.message;
    throw err;
  }
  const { kinds, texts, lines, endLines } = lx;
  const n = kinds.length;
  const tokens = new TokenStream();
  // Open blocks: opened on their header's line (closed by the newline) or by an indent.
  const blocks: number[] = [];
  let pendingHeader = false;
  let statementStart = true;
  let headerDepth = 0;
  let lambdas = 0;
  let lastTokenLine = 1;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i]!;
    if (kind === NEWLINE) {
      while (blocks.length > 0 && blocks[blocks.length - 1] === INLINE) {
        blocks.pop();
        tokens.push(CLOSE_HASH, lastTokenLine, lastTokenLine);
      }
      if (pendingHeader) {
        if (kinds[i + 1] !== INDENT || i + 2 >= n) return 'a header without an indented body';
        pendingHeader = false;
        blocks.push(INDENTED);
        tokens.push(OPEN_HASH, lines[i + 2]!, lines[i + 2]!);
        i++;
      } else if (kinds[i + 1] === INDENT) return 'an unexpected indent';
      statementStart = true;
      lambdas = 0;
      continue;
    }
    if (kind === INDENT) return 'an unexpected indent';
    if (kind === DEDENT) {
      if (blocks.pop() !== INDENTED) return 'a dedent that closes no block';
      tokens.push(CLOSE_HASH, lastTokenLine, lastTokenLine);
      continue;
    }
    const text = texts[i]!;
    const line = lines[i]!;
    if (statementStart) {
      statementStart = false;
      if (kind === NAME && (text === 'import' || text === 'from')) {
        const end = statementEnd(lx, i);
        lastTokenLine = endLines[end - 1]!;
        i = end - 1;
        statementStart = true;
        continue;
      }
      if (kind === STRING) {
        const end = statementEnd(lx, i);
        if (onlyStrings(kinds, i, end)) {
          lastTokenLine = endLines[end - 1]!;
          i = end - 1;
          statementStart = true;
          continue;
        }
      }
      if (kind === NAME) {
        const nextOp = kinds[i + 1] === OP ? texts[i + 1] : '';
        const plainName =
          nextOp === '=' || nextOp === '.' || (nextOp === '(' && (text === 'print' || text === 'exec'));
        if (AMBIGUOUS_AT_STATEMENT_START.has(text) && !plainName)
          return `\`${text}\` at the start of a statement`;
        if (COMPOUND.has(text)) {
          pendingHeader = true;
          headerDepth = 0;
        }
      }
    }
    lastTokenLine = endLines[i]!;
    if (kind === STRING) {
      if (!fStringBalanced(text)) return 'a string inside an f-string in the same quotes';
      // Adjacent strings are one concatenated string: one literal token over all their lines.
      while (kinds[i + 1] === STRING || (kinds[i + 1] === CONT && kinds[i + 2] === STRING)) {
        i += kinds[i + 1] === CONT ? 2 : 1;
        if (!fStringBalanced(texts[i]!)) return 'a string inside an f-string in the same quotes';
      }
      lastTokenLine = endLines[i]!;
      tokens.push(STR_HASH, line, lastTokenLine);
    } else if (kind === NUMBER) {
      tokens.push(NUM_HASH, line, line);
    } else if (kind === CONT) {
      // Before a string the grammar keeps the continuation inside the string node, a literal not entered.
      if (kinds[i + 1] !== STRING) tokens.push(CONTINUATION_HASH, line, line);
    } else if (kind === NAME) {
      let back = i - 1;
      while (kinds[back] === CONT) back--;
      if (kinds[back] === OP && texts[back] === '.') {
        // `tasks.async(…)` is Python before 3.7; the grammar reads a keyword there as an error.
        if (KEYWORDS.has(text) || NAMED_LEAVES.has(text)) return 'a keyword after a dot';
        tokens.push(attributeHash(text), line, line);
      } else if (NAMED_LEAVES.has(text)) tokens.push(fixedHash(NAMED_LEAVES.get(text)!), line, line);
      else if (KEYWORDS.has(text)) {
        const next = kinds[i + 1] === NAME ? texts[i + 1] : '';
        if (text === 'async' && next !== 'def' && next !== 'for' && next !== 'with')
          return '`async` as a name';
        if (text === 'lambda' && pendingHeader && headerDepth === 0) lambdas++;
        if (text === 'not' && next === 'in') {
          tokens.push(NOT_IN_HASH, line, lines[++i]!);
        } else if (text === 'is' && next === 'not') {
          tokens.push(IS_NOT_HASH, line, lines[++i]!);
        } else tokens.push(fixedHash(text), line, line);
      } else tokens.push(ID_HASH, line, line);
    } else {
      tokens.push(text === '...' ? ELLIPSIS_HASH : fixedHash(text), line, line);
      if (OPENERS.has(text)) headerDepth++;
      else if (text === ')' || text === ']' || text === '}') headerDepth--;
      else if (text === ';') statementStart = true;
      else if (text === ':' && pendingHeader && headerDepth === 0) {
        if (lambdas > 0) lambdas--;
        else if (kinds[i + 1] !== NEWLINE) {
          // A one-line body (`if x: y = 1`): a block on the header's own line.
          pendingHeader = false;
          blocks.push(INLINE);
          tokens.push(OPEN_HASH, lines[i + 1]!, lines[i + 1]!);
          statementStart = true;
        }
      }
    }
  }
  if (pendingHeader || blocks.length > 0) return 'a block left open';
  // The walk gives an empty module (no statements, no comments) as one leaf: the module itself.
  if (n === 0 && !source.includes('#')) tokens.push(MODULE_HASH, 1, 1);
  return tokens;
}
