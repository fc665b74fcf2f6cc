import type { Language, Parser, ParseState, Tree, TreeCursor } from 'web-tree-sitter';

/**
 * Normalised tokens, column by column: each a 32-bit hash of its kind and the 1-based lines it
 * spans. Three arrays rather than an object per token, which the garbage collector felt.
 */
export class TokenStream {
  readonly hashes: number[] = [];
  readonly lines: number[] = [];
  readonly endLines: number[] = [];

  get length(): number {
    return this.hashes.length;
  }

  /** Adds a token; past MAX_TOKENS_PER_UNIT the rest are dropped (a generated file must not dominate). */
  push(hash: number, line: number, endLine: number): void {
    if (this.hashes.length >= MAX_TOKENS_PER_UNIT) return;
    this.hashes.push(hash);
    this.lines.push(line);
    this.endLines.push(endLine);
  }
}

/** Tree-sitter's error recovery can take seconds on hostile input; give up instead. */
const PARSE_BUDGET_MS = 2_000;
/** Tokens kept per unit; a generated 50,000-line file must not dominate memory. */
export const MAX_TOKENS_PER_UNIT = 200_000;

/** Statements that are boilerplate every project shares: dropped so `import pandas as pd` matches nothing. */
const DROPPED = new Set(['comment', 'import_statement', 'import_from_statement', 'future_import_statement']);
/** Literals become their kind: two notebooks reading different file names are still the same code. */
const LITERAL_KINDS: Record<string, string> = {
  string: '<str>',
  concatenated_string: '<str>',
  integer: '<num>',
  float: '<num>',
};

/** FNV-1a over a short string: stable across runs and machines, unlike a seeded hash. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const tokenHashes = new Map<string, number>();
function tokenHash(kind: string): number {
  let h = tokenHashes.get(kind);
  if (h === undefined) {
    h = hashString(kind);
    if (tokenHashes.size < 10_000) tokenHashes.set(kind, h);
  }
  return h;
}

/** Parses with a time budget; null when the parser gave up. */
export function parseBounded(parser: Parser, text: string): Tree | null {
  const deadline = performance.now() + PARSE_BUDGET_MS;
  // web-tree-sitter cancels when the callback returns true, though its types say void.
  const progressCallback = (() => performance.now() > deadline) as unknown as (state: ParseState) => void;
  const tree = parser.parse(text, null, { progressCallback });
  if (!tree) parser.reset();
  return tree;
}

const ID_HASH = hashString('<id>');
const OPEN_HASH = hashString('{');
const CLOSE_HASH = hashString('}');

/** What the walk does with a node, by its numeric type id. */
const Kind = {
  /** Entered; a leaf is a token (keyword, operator, punctuation). */
  Enter: 0,
  /** Skipped whole: comments and imports. */
  Dropped: 1,
  /** One token of its kind, not entered. */
  Literal: 2,
  Identifier: 3,
  Block: 4,
  /** Entered, unless it is a docstring. */
  Statement: 5,
} as const;

interface TypeTable {
  kinds: Uint8Array;
  /** Token hash of each type: its literal kind, or its own name for keywords and operators. */
  hashes: Uint32Array;
  /** Named leaves (`true`, `none`, an ERROR leaf) may span lines; keywords and operators cannot. */
  named: Uint8Array;
  attributeField: number;
  stringTypes: ReadonlySet<number>;
}

const tables = new WeakMap<Language, TypeTable>();

/**
 * Per-language lookup tables from numeric type ids: the walk then asks the cursor for a number,
 * not a string, and never looks a type name up per node. Ids past the table (ERROR is 65535)
 * fall back to entering the node and hashing `ERROR`, as the string walk did.
 */
function typeTable(language: Language): TypeTable {
  let table = tables.get(language);
  if (table) return table;
  const count = language.types.length;
  const kinds = new Uint8Array(count);
  const hashes = new Uint32Array(count);
  const named = new Uint8Array(count);
  const stringTypes = new Set<number>();
  for (let id = 0; id < count; id++) {
    const type = language.types[id] || 'ERROR';
    named[id] = language.nodeTypeIsNamed(id) ? 1 : 0;
    if (DROPPED.has(type)) kinds[id] = Kind.Dropped;
    else if (type in LITERAL_KINDS) {
      kinds[id] = Kind.Literal;
      hashes[id] = hashString(LITERAL_KINDS[type]!);
      if (type === 'string' || type === 'concatenated_string') stringTypes.add(id);
      continue;
    } else if (type === 'identifier') kinds[id] = Kind.Identifier;
    else if (type === 'block') kinds[id] = Kind.Block;
    else if (type === 'expression_statement') kinds[id] = Kind.Statement;
    hashes[id] = hashString(type);
  }
  table = { kinds, hashes, named, attributeField: language.fieldIdForName('attribute') ?? -1, stringTypes };
  tables.set(language, table);
  return table;
}

const ERROR_HASH = hashString('ERROR');

/**
 * The normalised token stream of one piece of Python, as MOSS and Dolos fingerprint it: every
 * identifier is one token (renaming changes nothing), literals are their kind, comments,
 * docstrings and imports are dropped, keywords and operators are kept, and blocks are marked
 * by open/close tokens so indentation (which changes meaning) is kept while spacing is not.
 * An attribute name after a dot (`.fit`, `.read_csv`) is kept as written: it names a library
 * API, which a rename does not touch, and it tells two different analyses apart.
 *
 * This is the hot loop of copy detection, and every cursor call crosses into wasm: the walk
 * reads numeric type and field ids through lookup tables, asks for offsets only of nodes that
 * become tokens, and turns offsets into lines in JavaScript.
 */
export function tokenise(tree: Tree, source: string): TokenStream {
  const language = tree.language;
  const { kinds, hashes, named, attributeField, stringTypes } = typeTable(language);
  const tokens = new TokenStream();
  const starts = lineStarts(source);
  const rowOf = (index: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const push = (hash: number, line: number, endLine: number) => tokens.push(hash, line, endLine);
  const lastLine = (start: number, end: number) => rowOf(Math.max(start, end - 1));
  const cursor = tree.walk();
  // Whether each open ancestor is a block, so leaving one needs no call into wasm.
  const blocks: boolean[] = [];
  const enterChild = (isBlock: boolean) => {
    if (!cursor.gotoFirstChild()) return false;
    blocks.push(isBlock);
    return true;
  };
  try {
    for (;;) {
      const id = cursor.nodeTypeId;
      const known = id < kinds.length;
      const kind = known ? kinds[id]! : Kind.Enter;
      let enter = false;
      if (kind === Kind.Dropped) {
        // skipped whole
      } else if (kind === Kind.Statement) {
        enter = !isDocstring(cursor, source, stringTypes);
      } else if (kind === Kind.Literal) {
        const start = cursor.startIndex;
        push(hashes[id]!, rowOf(start), lastLine(start, cursor.endIndex));
      } else if (kind === Kind.Identifier) {
        const start = cursor.startIndex;
        const line = rowOf(start);
        push(
          cursor.currentFieldId === attributeField
            ? tokenHash(`.${source.slice(start, cursor.endIndex)}`)
            : ID_HASH,
          line,
          line,
        );
      } else if (kind === Kind.Block) {
        const start = cursor.startIndex;
        push(OPEN_HASH, rowOf(start), rowOf(start));
        if (enterChild(true)) continue;
        const end = lastLine(start, cursor.endIndex);
        push(CLOSE_HASH, end, end);
      } else {
        enter = true;
      }
      if (enter) {
        // Anonymous nodes are the grammar's own strings (keywords, operators): always leaves.
        const anonymous = known && named[id] === 0;
        if (!anonymous && enterChild(false)) continue;
        // A leaf: a keyword, an operator or punctuation, kept as itself. A token whose text is
        // its own name is really there; anything else may be a zero-width MISSING node.
        const start = cursor.startIndex;
        const present = (anonymous && source.startsWith(language.types[id]!, start)) || !cursor.nodeIsMissing;
        if (present) {
          const line = rowOf(start);
          push(known ? hashes[id]! : ERROR_HASH, line, anonymous ? line : lastLine(start, cursor.endIndex));
        }
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return tokens;
        if (blocks.pop()) {
          const end = lastLine(cursor.startIndex, cursor.endIndex);
          push(CLOSE_HASH, end, end);
        }
      }
    }
  } finally {
    cursor.delete();
  }
}

/** A string can start with a quote or a prefix of up to two letters (`rb`, `f`). */
const MAYBE_STRING = /[rRbBuUfF]{0,2}["']/y;

/**
 * A bare string as a statement is a docstring or commented-out code: not the author's logic.
 * Most statements do not start with a quote, which is read from the source instead of asking
 * the tree. Leaves the cursor where it was.
 */
function isDocstring(cursor: TreeCursor, source: string, stringTypes: ReadonlySet<number>): boolean {
  MAYBE_STRING.lastIndex = cursor.startIndex;
  if (!MAYBE_STRING.test(source)) return false;
  if (!cursor.gotoFirstChild()) return false;
  const first = cursor.nodeTypeId;
  const more = cursor.gotoNextSibling();
  cursor.gotoParent();
  return !more && stringTypes.has(first);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
