import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG111',
  name: 'code-missing-imports',
  title: 'Python code imports what it uses, so it runs when copied',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: true,
  messages: {
    missing: 'Python code uses {{names}} but nothing in the post imports or defines {{them}}',
    complete: 'Python code imports or defines every module and function it uses ({{blocks|block}})',
  },
  options: {},
  advice: 'Show the imports (and the setup lines) the code needs, so a reader can paste it and run it.',
  docs: {
    what: 'Parses the post’s Python blocks with the same tree-sitter parser as the audit and lists names that are called or used as `x.attr` but never imported, assigned or defined anywhere in the post.',
    why: 'A hiring manager who tries your snippet and gets `NameError: pd` stops trusting the rest. Complete code shows you tested what you published.',
    fix: 'Add the imports to the first code block (`import pandas as pd`, `from sklearn.linear_model import LinearRegression`), or link a complete script.',
    limitations:
      'Variables only used as arguments are not checked; a `from x import *` turns the check off for the post.',
  },
  run({ post, fail, pass, notApplicable }) {
    const python = post.codeBlocks.filter((b) => b.unresolved !== undefined);
    if (python.length === 0) return notApplicable('no Python code blocks');
    const missing = python.flatMap((b) => (b.unresolved ?? []).map((u) => ({ ...u, cell: b.cell })));
    if (missing.length > 0) {
      const names = [...new Set(missing.map((m) => m.name))];
      return fail(
        'missing',
        {
          names: names
            .slice(0, 6)
            .map((n) => `\`${n}\``)
            .join(', '),
          them: names.length === 1 ? 'it' : 'them',
        },
        missing
          .slice(0, 5)
          .map((m) =>
            at(post, m.cell !== undefined ? { line: m.line, cell: m.cell } : { line: m.line }, m.name),
          ),
      );
    }
    pass('complete', { blocks: python.length });
  },
});
