import type { Node } from 'web-tree-sitter';
import { blankIpython } from '../../collectors/python/magics.js';
import { pythonParser } from '../../collectors/python/parser.js';

/** Python's builtins and the names IPython adds; using them needs no import. */
const BUILTINS = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help ' +
    'hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord ' +
    'pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type ' +
    'vars zip __import__ __name__ __file__ Exception ValueError TypeError KeyError IndexError RuntimeError ' +
    'NotImplementedError StopIteration AttributeError ImportError OSError FileNotFoundError self cls display get_ipython'
  ).split(' '),
);

/** Node types whose named fields bind names. */
const BINDING_FIELDS: Record<string, string[]> = {
  assignment: ['left'],
  augmented_assignment: ['left'],
  for_statement: ['left'],
  for_in_clause: ['left'],
  function_definition: ['name', 'parameters'],
  class_definition: ['name'],
  lambda: ['parameters'],
  named_expression: ['name'],
  as_pattern: ['alias'],
  with_item: ['alias'],
};

export interface PythonBlockNames {
  /** Names a block uses as a call or an attribute's object but never binds (and earlier blocks did not either). */
  unresolved: { name: string; line: number }[];
  syntaxError: boolean;
  /** `from x import *` seen: unresolved names cannot be judged. */
  starImport: boolean;
}

function identifiers(node: Node, out: Set<string>): void {
  if (node.type === 'identifier') out.add(node.text);
  else if (node.type === 'attribute' || node.type === 'subscript') return;
  for (const child of node.namedChildren) if (child) identifiers(child, out);
}

function collectBindings(node: Node, bound: Set<string>, state: { star: boolean }): void {
  const fields = BINDING_FIELDS[node.type];
  if (fields) {
    for (const f of fields) {
      const target = node.childForFieldName(f);
      if (target) identifiers(target, bound);
    }
  }
  if (
    node.type === 'except_clause' ||
    node.type === 'global_statement' ||
    node.type === 'nonlocal_statement'
  ) {
    for (const c of node.namedChildren) if (c?.type === 'identifier') bound.add(c.text);
  }
  if (node.type === 'import_statement' || node.type === 'import_from_statement') {
    const isFrom = node.type === 'import_from_statement';
    const moduleNode = isFrom ? node.childForFieldName('module_name') : null;
    for (const c of node.namedChildren) {
      if (!c || c.id === moduleNode?.id) continue;
      if (c.type === 'wildcard_import') state.star = true;
      else if (c.type === 'aliased_import') {
        const alias = c.childForFieldName('alias');
        if (alias) bound.add(alias.text);
      } else if (c.type === 'dotted_name') {
        const parts = c.text.split('.');
        bound.add((isFrom ? parts[parts.length - 1] : parts[0]) ?? '');
      }
    }
    return;
  }
  for (const child of node.namedChildren) if (child) collectBindings(child, bound, state);
}

function collectUses(node: Node, uses: { name: string; row: number }[]): void {
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'identifier') uses.push({ name: fn.text, row: fn.startPosition.row });
  } else if (node.type === 'attribute') {
    const obj = node.childForFieldName('object');
    if (obj?.type === 'identifier') uses.push({ name: obj.text, row: obj.startPosition.row });
  }
  for (const child of node.namedChildren) if (child) collectUses(child, uses);
}

/**
 * Parses a post's Python blocks with the audit's tree-sitter parser. A name counts as resolved
 * when any block of the post imports, assigns or defines it: a reader copies the post's code
 * together, so only names that nothing in the post provides are missing.
 */
export async function resolvePythonBlocks(
  blocks: readonly { content: string; firstLine: number }[],
): Promise<PythonBlockNames[]> {
  if (blocks.length === 0) return [];
  const parser = await pythonParser();
  const bound = new Set<string>();
  // IPython's `%pylab` magic star-imports numpy and matplotlib into the namespace, as `import *` does.
  const state = { star: blocks.some((b) => /^\s*%pylab\b/m.test(b.content)) };
  const parsed = blocks.map((block) => {
    const source = blankIpython(block.content.split('\n').map(stripPrompt).join('\n'));
    const tree = parser.parse(source);
    return { block, tree };
  });
  // Definitions anywhere in the post count (a helper defined below its first use is still in the post).
  for (const { tree } of parsed) if (tree) collectBindings(tree.rootNode, bound, state);
  const results: PythonBlockNames[] = [];
  for (const { block, tree } of parsed) {
    if (!tree) {
      results.push({ unresolved: [], syntaxError: true, starImport: state.star });
      continue;
    }
    const uses: { name: string; row: number }[] = [];
    collectUses(tree.rootNode, uses);
    const seen = new Set<string>();
    const unresolved = uses
      .filter((u) => !bound.has(u.name) && !BUILTINS.has(u.name) && !seen.has(u.name) && seen.add(u.name))
      .map((u) => ({ name: u.name, line: block.firstLine + u.row }));
    results.push({
      unresolved: state.star ? [] : unresolved,
      syntaxError: tree.rootNode.hasError,
      starImport: state.star,
    });
    tree.delete();
  }
  return results;
}

/** A pasted `>>> ` or `... ` prompt is judged by its own check; the code behind it is still code. */
function stripPrompt(line: string): string {
  return line.replace(/^(>>>|\.\.\.) ?/, '');
}
