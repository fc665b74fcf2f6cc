import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG106',
  name: 'no-figures',
  title: 'Shows figures (charts, diagrams, results), not only text or code pictures',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: true,
  messages: {
    none: 'No figure in {{words}} words: no chart, diagram or picture of a result',
    onlyCode: 'The only pictures are screenshots of code ({{count}}); no chart or diagram',
    figures: '{{count|figure}}',
  },
  options: { minWords: 300 },
  advice: 'Add at least one figure of your own: the data, a result, or a diagram of the pipeline.',
  docs: {
    what: 'Counts pictures that are not screenshots of code (charts, diagrams, photos, notebook image outputs).',
    why: 'A hiring manager skims: one good chart tells them what you found in seconds, and shows you can communicate results to people who will not read the code.',
    fix: 'Export the key chart from your notebook, save it beside the post and embed it with alt text and a caption.',
    limitations:
      'Pictures of code are recognised by file name (carbon.png, code.png, screenshot…) and alt text only. Posts under 300 words are not judged.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    const figures = post.images.filter((i) => !i.looksLikeCode);
    if (figures.length > 0)
      return pass(
        'figures',
        { count: figures.length },
        figures.slice(0, 3).map((i) => at(post, i)),
      );
    if (post.images.length > 0)
      return fail(
        'onlyCode',
        { count: post.images.length },
        post.images.slice(0, 3).map((i) => at(post, i)),
      );
    if (post.words < options.minWords) return notApplicable(`only ${post.words} words`);
    fail('none', { words: post.words }, { file: post.path });
  },
});
