import { defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG115',
  name: 'length-and-reading-time',
  title: 'Long enough to say something, short enough to finish',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: false,
  messages: {
    short: 'Only {{words}} words (about {{minutes}} min): too short to tell the story of a project',
    long: '{{words}} words (about {{minutes}} min to read): few readers finish; split it into a series',
    fine: '{{words}} words, about {{minutes}} min to read',
  },
  options: { minWords: 400, maxWords: 3500 },
  advice: 'Aim for 400–3,500 words (2–15 minutes): one project, one story; split anything longer.',
  docs: {
    what: 'Counts words of prose (code excluded) and the reading time at 238 words a minute.',
    why: 'A hiring manager gives a post a few minutes. Under ~400 words there is no room for problem, method, result and limits; over ~3,500 most readers, and reviewers, stop before the results.',
    fix: 'Expand a short post with the problem, the data, what went wrong and what you would do next; split a long one into parts.',
    limitations: 'Word counts only: a short post can be excellent. Partial credit is given near the limits.',
  },
  run({ post, options, fail, pass, credit }) {
    const data = { words: post.words, minutes: post.readingMinutes };
    if (post.words < options.minWords) {
      credit(post.words / options.minWords / 2);
      return fail('short', data, { file: post.path });
    }
    if (post.words > options.maxWords) {
      credit(Math.max(0, 1 - (post.words - options.maxWords) / options.maxWords));
      return fail('long', data, { file: post.path });
    }
    pass('fine', data);
  },
});
