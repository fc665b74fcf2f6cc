import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG112',
  name: 'pasted-prompts',
  title: 'Code is pasted without shell or Python prompts',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: true,
  messages: {
    prompts: '{{count|line}} carry a pasted prompt (`{{first}}`): copying them fails',
  },
  options: {},
  advice: 'Remove `$ `, `>>> ` and `In [1]:` prompts from code blocks; show output in a separate block.',
  docs: {
    what: 'Finds lines in code blocks that start with a prompt: `$ `, `>>> `, `... `, `In [3]:`, `PS C:\\>`.',
    why: 'Prompts break copy-and-paste. A reader (or a hiring manager trying your steps) has to clean every line by hand.',
    fix: 'Keep only the commands in the block; put what they print in a second block marked `text`.',
    limitations:
      'Only blocks marked as shell, Python or with no language are checked; a `$` that is part of the code (a Perl variable) in such a block would be flagged.',
  },
  run({ post, fail, notApplicable }) {
    if (post.codeBlocks.length === 0) return notApplicable('no code blocks');
    const prompts = post.codeBlocks.flatMap((b) => b.prompts.map((p) => ({ ...p, cell: b.cell })));
    if (prompts.length > 0) {
      fail(
        'prompts',
        { count: prompts.length, first: prompts[0]!.prompt },
        prompts
          .slice(0, 5)
          .map((p) =>
            at(post, p.cell !== undefined ? { line: p.line, cell: p.cell } : { line: p.line }, p.prompt),
          ),
      );
    }
  },
});
