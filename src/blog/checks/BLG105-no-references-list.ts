import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG105',
  name: 'no-references-list',
  title: 'Papers and statistics are gathered in a references list',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: true,
  messages: {
    missing:
      'Mentions {{papers|paper}} or studies and {{stats|statistic}} but has no references section or footnotes',
    present: 'Has a references list',
  },
  options: {},
  advice:
    'End the post with a References section listing the papers, data sets and tools you used, with links.',
  docs: {
    what: 'When a post mentions a paper or study, or quotes several statistics, looks for a References / Sources / Further reading heading or footnotes.',
    why: 'A references list shows a hiring manager you read the primary sources and lets them follow your reasoning; it is also what a reviewer expects in a data team.',
    fix: 'Add a “References” heading at the end with one linked entry per paper, data set and library.',
    limitations:
      'Recognises the section by its heading (References, Sources, Bibliography, Further reading) or Markdown footnotes.',
  },
  run({ post, fail, pass, notApplicable }) {
    const papers = post.claims.filter((c) => c.kind === 'paper');
    const stats = post.claims.filter((c) => c.kind === 'statistic');
    if (papers.length === 0 && stats.length < 3)
      return notApplicable('no paper mentioned and fewer than 3 statistics');
    const section = post.sections.find((s) => s.kind === 'references');
    if (section) return pass('present', {}, at(post, section));
    if (post.footnotes > 0) return pass('present');
    fail(
      'missing',
      { papers: papers.length, stats: stats.length },
      [...papers, ...stats].slice(0, 3).map((c) => at(post, c)),
    );
  },
});
