import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG104',
  name: 'claims-without-sources',
  title: 'Statistics and studies come with a source',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: true,
  messages: {
    uncited:
      '{{count|statement}} quote a number or a study with no link or citation beside them: “{{first}}”',
    cited: '{{count|statement}} of numbers or studies, all with a source',
  },
  options: {},
  advice: 'Put a link or a footnote next to every number or study you quote that is not your own result.',
  docs: {
    what: 'Finds sentences that quote a statistic (“40% of…”, “3 million”) or a study (“a 2021 paper”, “et al.”, “research shows”) and checks that their paragraph has a link, a footnote (`[^1]`) or an author–year citation.',
    why: 'Data people are judged on rigour. An uncited “80% of data science is cleaning” tells a hiring manager you repeat what you read; a cited one shows you check.',
    fix: 'Link the source inline, or add a footnote and a references section.',
    limitations:
      'Judged per paragraph, not per sentence. Sentences in the first person (“my model reached 93%”) are taken as your own results and not asked for a source.',
  },
  run({ post, fail, pass, notApplicable }) {
    if (post.claims.length === 0) return notApplicable('no statistics or studies quoted');
    const uncited = post.claims.filter((c) => !c.cited);
    if (uncited.length > 0) {
      return fail(
        'uncited',
        { count: uncited.length, first: uncited[0]!.text },
        uncited.slice(0, 5).map((c) => at(post, c, c.kind)),
      );
    }
    pass('cited', { count: post.claims.length });
  },
});
