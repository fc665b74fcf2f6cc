import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG109',
  name: 'pictures-of-code',
  title: 'Code is text, not pictures of code',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: true,
  messages: {
    codeImages: '{{count|picture}} look like screenshots of code ({{first}}): nobody can copy or search them',
  },
  options: {},
  advice: 'Replace screenshots of code with fenced code blocks people can copy.',
  docs: {
    what: 'Flags pictures whose file name or alt text says they are code (carbon.png, code.png, screenshot, “snippet of code”).',
    why: 'A hiring manager who wants to try your code cannot copy a picture; screenshots of code also hide from search and screen readers, and suggest the code was never meant to run.',
    fix: 'Paste the code into a fenced block with its language: ```python … ```.',
    limitations:
      'Judged by names only: a screenshot called figure1.png is not caught, and a chart called code-coverage.png is.',
  },
  run({ post, fail }) {
    const code = post.images.filter((i) => i.looksLikeCode);
    if (code.length > 0)
      fail(
        'codeImages',
        { count: code.length, first: code[0]!.src },
        code.slice(0, 5).map((i) => at(post, i, i.src)),
      );
  },
});
