import type { Parser, ParseState, Tree, TreeCursor } from 'web-tree-sitter';

/** One normalised token: a 32-bit hash of its kind and the 1-based lines it spans. */
export interface Token {
  hash: number;
  line: number;
  endLine: number;
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

const LITERAL_HASHES = new Map(Object.entries(LITERAL_KINDS).map(([type, kind]) => [type, hashString(kind)]));
const ID_HASH = hashString('<id>');
const OPEN_HASH = hashString('{');
const CLOSE_HASH = hashString('}');

/**
 * The normalised token stream of one piece of Python, as MOSS and Dolos fingerprint it: every
 * identifier is one token (renaming changes nothing), literals are their kind, comments,
 * docstrings and imports are dropped, keywords and operators are kept, and blocks are marked
 * by open/close tokens so indentation (which changes meaning) is kept while spacing is not.
 * An attribute name after a dot (`.fit`, `.read_csv`) is kept as written: it names a library
 * API, which a rename does not touch, and it tells two different analyses apart.
 * The walk reads only the cursor (no Node objects): this is the hot loop of copy detection.
 */
export function tokenise(tree: Tree, source: string): Token[] {
  const tokens: Token[] = [];
  // Rows come from byte offsets and a table of line starts: one wasm call instead of an object per token.
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
  const push = (hash: number, line: number, endLine: number) => {
    if (tokens.length < MAX_TOKENS_PER_UNIT) tokens.push({ hash, line, endLine });
  };
  const cursor = tree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      let enter = false;
      if (DROPPED.has(type)) {
        // skipped whole
      } else if (type === 'expression_statement' && isDocstring(cursor)) {
        // a docstring or a bare string: skipped
      } else if (LITERAL_HASHES.has(type)) {
        push(
          LITERAL_HASHES.get(type)!,
          rowOf(cursor.startIndex),
          rowOf(Math.max(cursor.startIndex, cursor.endIndex - 1)),
        );
      } else if (type === 'identifier') {
        const line = rowOf(cursor.startIndex);
        push(
          cursor.currentFieldName === 'attribute' ? tokenHash(`.${cursor.nodeText}`) : ID_HASH,
          line,
          line,
        );
      } else if (type === 'block') {
        const line = rowOf(cursor.startIndex);
        push(OPEN_HASH, line, line);
        if (!cursor.gotoFirstChild()) {
          const end = rowOf(Math.max(cursor.startIndex, cursor.endIndex - 1));
          push(CLOSE_HASH, end, end);
        } else continue;
      } else {
        enter = true;
      }
      if (enter) {
        if (cursor.gotoFirstChild()) continue;
        // A leaf: a keyword, an operator or punctuation, kept as itself.
        if (type !== '' && !cursor.nodeIsMissing) {
          push(
            tokenHash(type),
            rowOf(cursor.startIndex),
            rowOf(Math.max(cursor.startIndex, cursor.endIndex - 1)),
          );
        }
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return tokens;
        if (cursor.nodeType === 'block') {
          const end = rowOf(Math.max(cursor.startIndex, cursor.endIndex - 1));
          push(CLOSE_HASH, end, end);
        }
      }
    }
  } finally {
    cursor.delete();
  }
}

/** A bare string as a statement is a docstring or commented-out code: not the author's logic. Leaves the cursor where it was. */
function isDocstring(cursor: TreeCursor): boolean {
  if (!cursor.gotoFirstChild()) return false;
  const first = cursor.nodeType;
  const more = cursor.gotoNextSibling();
  cursor.gotoParent();
  return !more && (first === 'string' || first === 'concatenated_string');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
