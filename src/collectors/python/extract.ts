import type { Node, Tree } from 'web-tree-sitter';
import type { PyCall, PyDef, PyImport, PySource, PyString } from './types.js';

/** Per-file caps: a generated 50k-line file must not flood the facts. */
export const MAX_CALLS_PER_FILE = 5_000;
export const MAX_STRINGS_PER_FILE = 500;
export const MAX_STRING_CHARS = 300;
const MAX_SYNTAX_ERRORS_PER_FILE = 20;
const MAX_CALLEE_CHARS = 120;

export interface Extracted {
  imports: PyImport[];
  calls: PyCall[];
  strings: PyString[];
  defs: PyDef[];
  /** 1-based lines with ERROR or MISSING nodes (deduplicated, capped). */
  syntaxErrorLines: number[];
  hasMainGuard: boolean;
}

const DOTTED = /^[A-Za-z_][\w.]*$/;
const MAIN_GUARD = /__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__/;
const STRING_LITERAL = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*)\2$/;

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The value of a plain string literal from its source text, or null for f-strings with fields and oversized ones. */
export function stringValue(text: string): string | null {
  if (text.length > MAX_STRING_CHARS + 8) return null;
  const match = STRING_LITERAL.exec(text);
  if (!match) return null;
  const prefix = match[1]!;
  const raw = match[3]!;
  if (/f/i.test(prefix) && raw.includes('{')) return null;
  if (/r/i.test(prefix)) return raw;
  return raw.replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c,
  );
}

function hasDocstring(def: Node): boolean {
  const body = def.childForFieldName('body');
  if (!body) return false;
  for (const stmt of body.namedChildren) {
    if (!stmt || stmt.type === 'comment') continue;
    return stmt.type === 'expression_statement' && stmt.firstNamedChild?.type === 'string';
  }
  return false;
}

function importedName(node: Node): string {
  return compact(node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? '') : node.text);
}

function topOf(module: string): string {
  return module.startsWith('.') ? '' : (module.split('.')[0] ?? '');
}

/** What the walk remembers about an ancestor while it is inside it. */
interface Frame {
  type: string;
  startIndex: number;
  endIndex: number;
  /** The name bound by an assignment / keyword argument / dict pair, seen before its value. */
  boundTo?: string;
  /** For a call: the entry being filled (null when the callee is not a dotted name). */
  call?: PyCall | null;
}

/** Node types whose field names matter to the walk; asking for a field name elsewhere is wasted work. */
const FIELD_PARENTS = new Set(['assignment', 'keyword_argument', 'pair', 'call']);

/**
 * Everything the checks need from one parsed file or cell, in a single cursor walk. Ancestors
 * are tracked on a stack, so strings and calls are read from the cursor without materialising
 * `Node` objects or asking for parents (which tree-sitter answers by descending from the root).
 */
export function extract(tree: Tree, where: PySource): Extracted {
  const out: Extracted = {
    imports: [],
    calls: [],
    strings: [],
    defs: [],
    syntaxErrorLines: [],
    hasMainGuard: false,
  };
  const src: PySource =
    where.cell === undefined ? { file: where.file } : { file: where.file, cell: where.cell };
  const checkErrors = tree.rootNode.hasError;
  const errorLines = new Set<number>();
  const stack: Frame[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      const parent = stack[stack.length - 1];
      const field = parent && FIELD_PARENTS.has(parent.type) ? cursor.currentFieldName : null;
      let descend = true;
      if (checkErrors && (type === 'ERROR' || cursor.nodeIsMissing)) {
        if (errorLines.size < MAX_SYNTAX_ERRORS_PER_FILE) errorLines.add(cursor.startPosition.row + 1);
      }
      switch (type) {
        case 'comment':
          descend = false;
          break;
        case 'import_statement':
        case 'import_from_statement':
          visitImport(cursor.currentNode, type, out, src);
          descend = false;
          break;
        case 'function_definition':
        case 'class_definition':
        case 'if_statement':
          visitDefinition(cursor.currentNode, type, out, src);
          break;
        case 'identifier':
        case 'attribute':
          if (parent && field)
            bindName(parent, field, type, cursor.nodeText, cursor.startPosition.row + 1, out, src);
          break;
        case 'string': {
          const text = cursor.nodeText;
          descend = /^[rRbBuU]?[fF]/.test(text) && text.includes('{');
          visitString(
            stack,
            field,
            text,
            cursor.startIndex,
            cursor.endIndex,
            cursor.startPosition.row + 1,
            out,
            src,
          );
          break;
        }
      }
      if (descend && cursor.gotoFirstChild()) {
        stack.push({
          type,
          startIndex: 0,
          endIndex: 0,
          ...(type === 'expression_statement' ? spanOf(cursor) : {}),
          ...(type === 'call' ? { call: null } : {}),
        });
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          out.syntaxErrorLines = [...errorLines].sort((a, b) => a - b);
          return out;
        }
        stack.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The span of the node the cursor just entered from (its first child's parent). */
function spanOf(cursor: ReturnType<Tree['walk']>): { startIndex: number; endIndex: number } {
  cursor.gotoParent();
  const span = { startIndex: cursor.startIndex, endIndex: cursor.endIndex };
  cursor.gotoFirstChild();
  return span;
}

function bindName(
  parent: Frame,
  field: string,
  type: string,
  text: string,
  line: number,
  out: Extracted,
  src: PySource,
): void {
  if (parent.type === 'assignment' && field === 'left') parent.boundTo = text.split('.').pop()?.trim();
  else if (parent.type === 'keyword_argument' && field === 'name') parent.boundTo = text;
  else if (
    parent.type === 'call' &&
    field === 'function' &&
    (type === 'identifier' || type === 'attribute')
  ) {
    const callee = compact(text);
    if (!DOTTED.test(callee) || callee.length > MAX_CALLEE_CHARS || out.calls.length >= MAX_CALLS_PER_FILE)
      return;
    const call: PyCall = { ...src, callee, line, stringArgs: [], stringKwargs: {} };
    parent.call = call;
    out.calls.push(call);
  }
}

function visitString(
  stack: Frame[],
  field: string | null,
  text: string,
  start: number,
  end: number,
  line: number,
  out: Extracted,
  src: PySource,
): void {
  const parent = stack[stack.length - 1];
  // A string that is a whole statement is a docstring or a block comment, never data the code uses.
  if (parent?.type === 'expression_statement' && parent.startIndex === start && parent.endIndex === end)
    return;
  const value = stringValue(text);
  if (value === null) return;
  let boundTo: string | undefined;
  if (parent) {
    if (parent.type === 'pair' && field === 'key') parent.boundTo = value;
    else if (
      (parent.type === 'assignment' && field === 'right') ||
      (parent.type !== 'assignment' && field === 'value')
    ) {
      boundTo = parent.boundTo;
    }
    const grand = stack[stack.length - 2];
    if (parent.type === 'argument_list' && grand?.call && grand.call.stringArgs.length < 3) {
      grand.call.stringArgs.push(value);
    } else if (parent.type === 'keyword_argument' && field === 'value' && parent.boundTo) {
      const call = stack[stack.length - 3]?.call;
      if (grand?.type === 'argument_list' && call) call.stringKwargs[parent.boundTo] = value;
    }
  }
  if (value === '' || out.strings.length >= MAX_STRINGS_PER_FILE) return;
  const entry: PyString = { ...src, value, line };
  if (boundTo) entry.boundTo = boundTo;
  out.strings.push(entry);
}

function visitImport(node: Node, type: string, out: Extracted, src: PySource): void {
  const line = node.startPosition.row + 1;
  if (type === 'import_statement') {
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const module = importedName(name);
      if (module) out.imports.push({ ...src, module, top: topOf(module), relative: false, line });
    }
    return;
  }
  const moduleNode = node.childForFieldName('module_name');
  if (!moduleNode) return;
  const module = compact(moduleNode.text);
  const names = node.childrenForFieldName('name').flatMap((n) => (n ? [importedName(n)] : []));
  for (const child of node.namedChildren) if (child?.type === 'wildcard_import') names.push('*');
  out.imports.push({ ...src, module, top: topOf(module), relative: module.startsWith('.'), line, names });
}

function visitDefinition(node: Node, type: string, out: Extracted, src: PySource): void {
  if (type === 'if_statement') {
    const condition = node.childForFieldName('condition');
    if (condition && condition.endIndex - condition.startIndex < 200 && MAIN_GUARD.test(condition.text)) {
      out.hasMainGuard = true;
    }
    return;
  }
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  out.defs.push({
    ...src,
    name,
    kind: type === 'class_definition' ? 'class' : 'function',
    line: node.startPosition.row + 1,
    hasDocstring: hasDocstring(node),
  });
}
