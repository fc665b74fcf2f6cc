import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG108',
  name: 'figures-without-captions',
  title: 'Figures have captions that say what to see',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: true,
  messages: {
    missing: '{{count}} of {{total|figure}} have no caption',
    captioned: 'All {{total|figure}} have captions',
  },
  options: {},
  advice: 'Put a one-line caption under each figure that says what the reader should notice.',
  docs: {
    what: 'Finds figures (pictures that are not code screenshots) without a caption: an image title, a `<figcaption>`, a Quarto caption, or a short italic / “Figure N” line right under it.',
    why: 'A caption turns a chart into a finding. A hiring manager skimming the pictures should get your results from the captions alone.',
    fix: 'Add `*Figure 1: demand peaks at rush hour.*` under the picture, or `![alt](chart.png "Figure 1: …")`.',
    limitations:
      'A caption written as an ordinary paragraph (not italic, not starting with “Figure”) is not recognised.',
  },
  run({ post, fail, pass, notApplicable }) {
    const figures = post.images.filter((i) => !i.looksLikeCode);
    if (figures.length === 0) return notApplicable('no figures');
    const missing = figures.filter((i) => !i.caption);
    if (missing.length > 0) {
      return fail(
        'missing',
        { count: missing.length, total: figures.length },
        missing.slice(0, 5).map((i) => at(post, i, i.src)),
      );
    }
    pass('captioned', { total: figures.length });
  },
});
