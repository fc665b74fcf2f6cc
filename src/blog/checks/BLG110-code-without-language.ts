import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG110',
  name: 'code-without-language',
  title: 'Code blocks are fenced and name their language',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: true,
  messages: {
    unlabelled: '{{count}} of {{total|code block}} are indented or fenced without a language',
    labelled: 'All {{total|code block}} name their language',
  },
  options: {},
  advice: 'Fence every code block with its language (```python, ```bash) so it is highlighted and copyable.',
  docs: {
    what: 'Finds code blocks that are indented rather than fenced, or fenced without a language.',
    why: 'Highlighted code is easier to read and shows a hiring manager you know the tools of technical writing; an unlabelled block of Python next to shell commands makes the reader guess which is which.',
    fix: 'Use ```python (or bash, sql, yaml …) on the opening fence.',
    limitations:
      'In HTML the language is read from `language-x` / `lang-x` classes; pages that highlight without them are flagged.',
  },
  run({ post, fail, pass, notApplicable }) {
    if (post.codeBlocks.length === 0) return notApplicable('no code blocks');
    const bad = post.codeBlocks.filter((b) => !b.fenced || b.lang === '');
    if (bad.length > 0) {
      return fail(
        'unlabelled',
        { count: bad.length, total: post.codeBlocks.length },
        bad.slice(0, 5).map((b) => at(post, b, b.fenced ? 'no language' : 'indented')),
      );
    }
    pass('labelled', { total: post.codeBlocks.length });
  },
});
