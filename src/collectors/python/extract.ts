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

/** The value of a plain string literal, or null for f-strings with interpolation and oversized ones. */
export function stringValue(node: Node): string | null {
  for (const child of node.namedChildren) if (child?.type === 'interpolation') return null;
  const text = node.text;
  if (text.length > MAX_STRING_CHARS + 8) return null;
  const match = STRING_LITERAL.exec(text);
  if (!match) return null;
  const raw = match[3]!;
  if (/r/i.test(match[1]!)) return raw;
  return raw.replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c,
  );
}

/** Bare string statements are docstrings or block comments, never data the code uses. */
function isBareStatement(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'expression_statement' && parent.namedChildCount === 1;
}

/** The name a string literal is bound to: `api_key = "…"`, `token="…"`, `{"password": "…"}`. */
function boundName(node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' && parent.childForFieldName('right')?.equals(node)) {
    const left = parent.childForFieldName('left');
    if (left && (left.type === 'identifier' || left.type === 'attribute')) return left.text.split('.').pop();
  }
  if (parent.type === 'keyword_argument' && parent.childForFieldName('value')?.equals(node)) {
    return parent.childForFieldName('name')?.text;
  }
  if (parent.type === 'pair' && parent.childForFieldName('value')?.equals(node)) {
    const key = parent.childForFieldName('key');
    if (key?.type === 'string') return stringValue(key) ?? undefined;
  }
  return undefined;
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

/**
 * Everything the checks need from one parsed file or cell, in a single cursor walk: only the
 * node types of interest are materialised as `Node` objects.
 */
export function extract(tree: Tree, where: PySource, lineOffset = 0): Extracted {
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
  const lineOf = (node: Node) => node.startPosition.row + 1 + lineOffset;
  const errorLines = new Set<number>();
  const cursor = tree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (type === 'ERROR' || cursor.nodeIsMissing) {
        if (errorLines.size < MAX_SYNTAX_ERRORS_PER_FILE)
          errorLines.add(cursor.startPosition.row + 1 + lineOffset);
      } else if (VISIT.has(type)) {
        visit(cursor.currentNode, type, out, src, lineOf);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          out.syntaxErrorLines = [...errorLines].sort((a, b) => a - b);
          return out;
        }
      }
    }
  } finally {
    cursor.delete();
  }
}

const VISIT = new Set([
  'import_statement',
  'import_from_statement',
  'call',
  'string',
  'function_definition',
  'class_definition',
  'if_statement',
]);

function visit(node: Node, type: string, out: Extracted, src: PySource, lineOf: (n: Node) => number): void {
  switch (type) {
    case 'import_statement':
      for (const name of node.childrenForFieldName('name')) {
        if (!name) continue;
        const module = importedName(name);
        if (module)
          out.imports.push({ ...src, module, top: topOf(module), relative: false, line: lineOf(node) });
      }
      return;
    case 'import_from_statement': {
      const moduleNode = node.childForFieldName('module_name');
      if (!moduleNode) return;
      const module = compact(moduleNode.text);
      const names = node.childrenForFieldName('name').flatMap((n) => (n ? [importedName(n)] : []));
      for (const child of node.namedChildren) if (child?.type === 'wildcard_import') names.push('*');
      out.imports.push({
        ...src,
        module,
        top: topOf(module),
        relative: module.startsWith('.'),
        line: lineOf(node),
        names,
      });
      return;
    }
    case 'call': {
      if (out.calls.length >= MAX_CALLS_PER_FILE) return;
      const fn = node.childForFieldName('function');
      if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute')) return;
      const callee = compact(fn.text);
      if (!DOTTED.test(callee) || callee.length > MAX_CALLEE_CHARS) return;
      const call: PyCall = { ...src, callee, line: lineOf(node), stringArgs: [], stringKwargs: {} };
      const args = node.childForFieldName('arguments');
      if (args?.type === 'argument_list') {
        for (const arg of args.namedChildren) {
          if (!arg) continue;
          if (arg.type === 'string' && call.stringArgs.length < 3) {
            const value = stringValue(arg);
            if (value !== null) call.stringArgs.push(value);
          } else if (arg.type === 'keyword_argument') {
            const value = arg.childForFieldName('value');
            const key = arg.childForFieldName('name')?.text;
            if (key && value?.type === 'string') {
              const text = stringValue(value);
              if (text !== null) call.stringKwargs[key] = text;
            }
          }
        }
      }
      out.calls.push(call);
      return;
    }
    case 'string': {
      if (out.strings.length >= MAX_STRINGS_PER_FILE || isBareStatement(node)) return;
      const value = stringValue(node);
      if (!value || value.length > MAX_STRING_CHARS) return;
      const entry: PyString = { ...src, value, line: lineOf(node) };
      const name = boundName(node);
      if (name) entry.boundTo = name;
      out.strings.push(entry);
      return;
    }
    case 'function_definition':
    case 'class_definition': {
      const name = node.childForFieldName('name')?.text;
      if (!name) return;
      out.defs.push({
        ...src,
        name,
        kind: type === 'class_definition' ? 'class' : 'function',
        line: lineOf(node),
        hasDocstring: hasDocstring(node),
      });
      return;
    }
    case 'if_statement': {
      const condition = node.childForFieldName('condition');
      if (condition && condition.text.length < 200 && MAIN_GUARD.test(condition.text))
        out.hasMainGuard = true;
      return;
    }
  }
}
