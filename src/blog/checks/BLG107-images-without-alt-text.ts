import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG107',
  name: 'images-without-alt-text',
  title: 'Every picture has alt text',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: true,
  messages: {
    missing: '{{count}} of {{total|picture}} have no alt text',
    allAlt: 'All {{total|picture}} have alt text',
  },
  options: {},
  advice: 'Give every picture alt text that says what it shows (“Bike demand peaks at 8am and 6pm”).',
  docs: {
    what: 'Finds pictures whose alt text is empty.',
    why: 'Alt text is how screen-reader users and search engines see your charts; leaving it out tells a hiring manager the post was not finished with care.',
    fix: 'Write `![what the chart shows](chart.png)`; in HTML, `alt="…"`; in Quarto, `fig-alt="…"`.',
    limitations:
      'Notebook image outputs cannot carry alt text, so a notebook used as a post fails when it has figures.',
  },
  run({ post, fail, pass, notApplicable }) {
    if (post.images.length === 0) return notApplicable('no pictures');
    const missing = post.images.filter((i) => i.alt.trim() === '');
    if (missing.length > 0) {
      return fail(
        'missing',
        { count: missing.length, total: post.images.length },
        missing.slice(0, 5).map((i) => at(post, i, i.src)),
      );
    }
    pass('allAlt', { total: post.images.length });
  },
});
