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

const DIGITS = '\\d(?:_?\\d)*';
const EXPONENT = `[eE][+-]?${DIGITS}`;
/** Python's number literals (and Python 2's `L` suffix), from the first digit or dot. */
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
  'y',
);
/** A name beyond ASCII: Unicode identifier characters, as Python and the grammar define them. */
const NAME_PATTERN = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const ASCII_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/** White space the grammar skips: spaces, tabs, form feeds, a BOM and zero-width spaces. */
const SPACES = /[ \t\f\uFEFF\u2060\u200B]+/y;
const COMMENT = /#[^\r\n]*/y;
const CONTINUATION = /\\\r?\n/y;
/** String bodies from the opening quote; an escape takes any next character, a line break included. */
const LONG_DOUBLE = /"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""/y;
const LONG_SINGLE = /'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''/y;
const SHORT_DOUBLE = /"(?:[^"\\\r\n]|\\[\s\S])*"/y;
const SHORT_SINGLE = /'(?:[^'\\\r\n]|\\[\s\S])*'/y;
/** Operators of three and two characters; every other operator is one character of ONE_CHAR_OPS. */
const LONG_OPS = new Set(['**=', '//=', '>>=', '<<=', '...']);
const TWO_CHAR_OPS = new Set([
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
]);
const ONE_CHAR_OPS = '+-*/%@&|^~<>()[]{},:;.=';
/** String prefixes (any case): raw, bytes, unicode, f- and t-strings and their pairs. */
const STRING_PREFIXES = new Set(['r', 'b', 'u', 'f', 't', 'rb', 'br', 'rf', 'fr', 'rt', 'tr']);

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
const END = 9;

/** Logical lexemes, column by column (one array per field: few objects for the collector). */
interface Lexemes {
  kinds: Uint8Array;
  texts: string[];
  lines: Int32Array;
  endLines: Int32Array;
  /** Lexemes before the two END marks. */
  count: number;
}

/** Thrown inside the lexer when the text is outside what it reads exactly as tree-sitter does. */
class Unsure extends Error {}

/**
 * Logical lexemes: white space and comments gone, newlines only where a statement ends, and
 * indent/dedent marks from the indentation of each logical line (a tab to the next multiple of 8).
 *
 * The first character picks the kind; sticky regular expressions then find where a name, number,
 * string or run of spaces ends. The regular-expression engine runs compiled from the first call,
 * while JavaScript loops over characters start slow in a fresh process, so a cohort's cells are
 * lexed before the JIT has warmed up.
 */
function lexemes(source: string): Lexemes {
  // Scratch columns shared by every call (the lexemes are read and dropped before the next text):
  // no arrays to allocate or grow per cell.
  let kinds = scratch.kinds;
  let lines = scratch.lines;
  let endLines = scratch.endLines;
  const texts = scratch.texts;
  let n = 0;
  const add = (kind: number, text: string, from: number, to: number) => {
    if (n === kinds.length) {
      scratch.grow();
      ({ kinds, lines, endLines } = scratch);
    }
    kinds[n] = kind;
    texts[n] = text;
    lines[n] = from;
    endLines[n] = to;
    n++;
  };
  const indents = [0];
  const brackets: number[] = [];
  const length = source.length;
  let pos = 0;
  let line = 1;
  let atLineStart = true;
  let column = 0;
  let lastLine = 1;
  while (pos < length) {
    const c = source.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 12 || c === 0xfeff || c === 0x2060 || c === 0x200b) {
      const end = endOf(SPACES, source, pos);
      if (atLineStart) column = indentWidth(source, pos, end, column);
      pos = end;
      continue;
    }
    if (c === 35) {
      pos = endOf(COMMENT, source, pos);
      continue;
    }
    if (c === 10 || c === 13) {
      pos += c === 13 && pos + 1 < length && source.charCodeAt(pos + 1) === 10 ? 2 : 1;
      if (brackets.length === 0) {
        if (!atLineStart) add(NEWLINE, '', line, line);
        atLineStart = true;
        column = 0;
      }
      if (source.charCodeAt(pos - 1) === 10) line++;
      continue;
    }
    if (c === 92) {
      // a backslash joins the next line to this one
      const end = endOf(CONTINUATION, source, pos);
      if (end < 0) throw new Unsure('a backslash that does not end a line');
      if (atLineStart && brackets.length === 0) throw new Unsure('a continuation line on its own');
      add(CONT, '', line, line);
      pos = end;
      line++;
      continue;
    }
    if (atLineStart) {
      atLineStart = false;
      const top = indents[indents.length - 1]!;
      if (column > top) {
        indents.push(column);
        add(INDENT, '', line, line);
      } else if (column < top) {
        while (column < indents[indents.length - 1]!) {
          indents.pop();
          add(DEDENT, '', lastLine, lastLine);
        }
        if (column !== indents[indents.length - 1]) throw new Unsure('a dedent to no enclosing level');
      }
    }
    let quote = -1;
    if (c === 34 || c === 39) quote = pos;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128) {
      let end = c < 128 ? endOf(ASCII_NAME, source, pos) : pos;
      if (end < length && source.charCodeAt(end) >= 128) end = endOf(NAME_PATTERN, source, pos);
      if (end < 0) throw new Unsure('a character outside the lexer');
      const next = end < length ? source.charCodeAt(end) : 0;
      if (
        (next === 34 || next === 39) &&
        end - pos <= 2 &&
        STRING_PREFIXES.has(source.slice(pos, end).toLowerCase())
      ) {
        quote = end;
      } else {
        add(NAME, source.slice(pos, end), line, line);
        lastLine = line;
        pos = end;
        continue;
      }
    } else if (
      (c >= 48 && c <= 57) ||
      (c === 46 && pos + 1 < length && isDigit(source.charCodeAt(pos + 1)))
    ) {
      pos = endOf(NUMBER_PATTERN, source, pos);
      add(NUMBER, '', line, line);
      lastLine = line;
      continue;
    }
    if (quote >= 0) {
      const end = stringEnd(source, quote);
      const startLine = line;
      for (let nl = source.indexOf('\n', quote); nl !== -1 && nl < end; nl = source.indexOf('\n', nl + 1))
        line++;
      if (quote > pos && !fStringBalanced(source, pos, quote, end)) {
        throw new Unsure('a string inside an f-string in the same quotes');
      }
      add(STRING, '', startLine, line);
      lastLine = line;
      pos = end;
      continue;
    }
    const op = operatorAt(source, pos);
    pos += op.length;
    if (c === 40) brackets.push(41);
    else if (c === 91) brackets.push(93);
    else if (c === 123) brackets.push(125);
    else if ((c === 41 || c === 93 || c === 125) && brackets.pop() !== c)
      throw new Unsure('unbalanced brackets');
    add(OP, op, line, line);
    lastLine = line;
  }
  if (brackets.length !== 0) throw new Unsure('an unclosed bracket');
  if (!atLineStart) add(NEWLINE, '', lastLine, lastLine);
  while (indents.length > 1) {
    indents.pop();
    add(DEDENT, '', lastLine, lastLine);
  }
  const count = n;
  // Two end marks, so looking one or two lexemes ahead never reads past the arrays (which would
  // make V8 drop its optimised code for this loop).
  add(END, '', lastLine, lastLine);
  add(END, '', lastLine, lastLine);
  return { kinds, texts, lines, endLines, count };
}

/** The columns `lexemes` fills, kept between calls and doubled when a text needs more. */
const scratch = {
  kinds: new Uint8Array(4096),
  lines: new Int32Array(4096),
  endLines: new Int32Array(4096),
  texts: [] as string[],
  grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const lines = new Int32Array(size);
    lines.set(this.lines);
    const endLines = new Int32Array(size);
    endLines.set(this.endLines);
    Object.assign(this, { kinds, lines, endLines });
  },
};

/** Where a match of a sticky pattern starting at `pos` ends; -1 when it does not match there. */
function endOf(pattern: RegExp, source: string, pos: number): number {
  pattern.lastIndex = pos;
  return pattern.test(source) ? pattern.lastIndex : -1;
}

/** The column after a run of indentation: a tab moves to the next multiple of 8. */
function indentWidth(source: string, from: number, to: number, column: number): number {
  let col = column;
  for (let i = from; i < to; i++) col = source.charCodeAt(i) === 9 ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The operator at `pos`: the longest of three, two or one characters. */
function operatorAt(source: string, pos: number): string {
  const three = source.slice(pos, pos + 3);
  if (LONG_OPS.has(three)) return three;
  const two = source.slice(pos, pos + 2);
  if (TWO_CHAR_OPS.has(two)) return two;
  const one = source[pos]!;
  if (!ONE_CHAR_OPS.includes(one)) throw new Unsure('a character outside the lexer');
  return one;
}

/**
 * The end of the string literal whose opening quote is at `at`. A backslash escapes the next
 * character even in a raw string, as Python ends them; a short string may not run past its line.
 */
function stringEnd(source: string, at: number): number {
  const q = source.charCodeAt(at);
  const triple = source.charCodeAt(at + 1) === q && source.charCodeAt(at + 2) === q;
  const pattern = q === 34 ? (triple ? LONG_DOUBLE : SHORT_DOUBLE) : triple ? LONG_SINGLE : SHORT_SINGLE;
  const end = endOf(pattern, source, at);
  if (end < 0) throw new Unsure('an unterminated string');
  return end;
}

/**
 * Whether an f-string's replacement fields close inside it. Since Python 3.12 a field may hold a
 * string in the same quotes (`f"{d[f"{k}"]}"`), which the lexer would end early; the braces
 * then do not balance and the parser reads the whole string instead.
 */
function fStringBalanced(source: string, start: number, quote: number, end: number): boolean {
  const prefix = source.slice(start, quote);
  if (!prefix.includes('f') && !prefix.includes('F')) return true;
  let depth = 0;
  for (let i = quote; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 123) {
      if (depth === 0 && source.charCodeAt(i + 1) === 123) i++;
      else depth++;
    } else if (c === 125) {
      if (depth === 0 && source.charCodeAt(i + 1) === 125) i++;
      else if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Where the statement that starts at `i` ends: the index of its newline or `;` (or the end). */
function statementEnd({ kinds, texts }: Lexemes, i: number): number {
  let depth = 0;
  for (let j = i; ; j++) {
    if (kinds[j] === END) return j;
    const kind = kinds[j]!;
    if (kind === NEWLINE || kind === DEDENT || kind === INDENT) return j;
    if (kind === OP) {
      const text = texts[j]!;
      if (OPENERS.has(text)) depth++;
      else if (text === ')' || text === ']' || text === '}') depth--;
      else if (text === ';' && depth === 0) return j;
    }
  }
}

/** Whether the statement from `i` to `end` is only strings: a docstring, dropped as the walk drops it. */
function onlyStrings(kinds: Uint8Array, i: number, end: number): boolean {
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
  const n = lx.count;
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
      // Adjacent strings are one concatenated string: one literal token over all their lines.
      while (kinds[i + 1] === STRING || (kinds[i + 1] === CONT && kinds[i + 2] === STRING)) {
        i += kinds[i + 1] === CONT ? 2 : 1;
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
      while (back >= 0 && kinds[back] === CONT) back--;
      if (back >= 0 && kinds[back] === OP && texts[back] === '.') {
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
