import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG118',
  name: 'wall-of-text',
  title: 'Paragraphs are short enough to read on a screen',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: true,
  messages: {
    walls: '{{count|paragraph}} of more than {{max}} words (longest {{longest}})',
    fine: 'No paragraph over {{max}} words',
  },
  options: { maxWords: 150 },
  advice: 'Break paragraphs over 150 words into two or three, one point each.',
  docs: {
    what: 'Finds paragraphs of more than 150 words.',
    why: 'On a screen a long paragraph is skipped. The point you most wanted a hiring manager to see may be in the middle of it.',
    fix: 'Split at each new idea; turn lists of steps into bullet points.',
    limitations: 'Counts words only.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    if (post.paragraphs.length === 0) return notApplicable('no paragraphs');
    const walls = post.paragraphs.filter((p) => p.words > options.maxWords);
    if (walls.length > 0) {
      const longest = Math.max(...walls.map((p) => p.words));
      return fail(
        'walls',
        { count: walls.length, max: options.maxWords, longest },
        walls.slice(0, 5).map((p) => at(post, p, `${p.words} words`)),
      );
    }
    pass('fine', { max: options.maxWords });
  },
});
