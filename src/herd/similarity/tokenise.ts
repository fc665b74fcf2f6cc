import type { Node, Parser, ParseState, Tree } from 'web-tree-sitter';

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

/** A bare string as a statement is a docstring or commented-out code: not the author's logic. */
function isDocstring(node: Node): boolean {
  if (node.type !== 'expression_statement' || node.namedChildCount !== 1) return false;
  const only = node.namedChild(0);
  return only !== null && (only.type === 'string' || only.type === 'concatenated_string');
}

/**
 * The normalised token stream of one piece of Python, as MOSS and Dolos fingerprint it: every
 * identifier is one token (renaming changes nothing), literals are their kind, comments,
 * docstrings and imports are dropped, keywords and operators are kept, and blocks are marked
 * by open/close tokens so indentation (which changes meaning) is kept while spacing is not.
 * An attribute name after a dot (`.fit`, `.read_csv`) is kept as written: it names a library
 * API, which a rename does not touch, and it tells two different analyses apart.
 */
export function tokenise(tree: Tree): Token[] {
  const tokens: Token[] = [];
  const push = (kind: string, node: Node) => {
    if (tokens.length >= MAX_TOKENS_PER_UNIT) return;
    tokens.push({
      hash: tokenHash(kind),
      line: node.startPosition.row + 1,
      endLine: node.endPosition.row + 1,
    });
  };
  /** Block markers sit on the block's first and last line, not across the whole block. */
  const mark = (kind: '{' | '}', node: Node) => {
    if (tokens.length >= MAX_TOKENS_PER_UNIT) return;
    const line = (kind === '{' ? node.startPosition.row : node.endPosition.row) + 1;
    tokens.push({ hash: tokenHash(kind), line, endLine: line });
  };
  const cursor = tree.walk();
  try {
    let descend = true;
    for (;;) {
      const node = cursor.currentNode;
      const type = node.type;
      let enter = false;
      if (descend) {
        if (DROPPED.has(type) || isDocstring(node)) {
          // skipped whole
        } else if (type in LITERAL_KINDS) {
          push(LITERAL_KINDS[type]!, node);
        } else if (type === 'identifier') {
          push(cursor.currentFieldName === 'attribute' ? `.${node.text}` : '<id>', node);
        } else if (type === 'block') {
          mark('{', node);
          enter = true;
        } else if (node.childCount === 0) {
          if (type !== '' && !node.isMissing) push(type, node);
        } else {
          enter = true;
        }
      }
      if (enter && cursor.gotoFirstChild()) {
        descend = true;
        continue;
      }
      if (node.type === 'block' && descend) mark('}', node);
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return tokens;
        if (cursor.currentNode.type === 'block') mark('}', cursor.currentNode);
      }
      descend = true;
    }
  } finally {
    cursor.delete();
  }
}
