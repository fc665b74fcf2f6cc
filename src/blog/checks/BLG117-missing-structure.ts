import { defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG117',
  name: 'missing-structure',
  title: 'Has a title and headings a reader can skim',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: true,
  messages: {
    noTitle: 'No title: no front matter `title`, page title or top-level heading',
    noHeadings: '{{words}} words with {{headings|heading}}: add a heading every 300–400 words',
    structured: 'Titled, with {{headings|heading}}',
  },
  options: { wordsPerHeading: 400 },
  advice:
    'Give the post a specific title and a heading for each part (problem, data, method, results, limitations).',
  docs: {
    what: 'Checks for a title (front matter, page title or first H1) and for enough headings: at least one per 400 words of prose.',
    why: 'A hiring manager skims headings first. A post without them is a wall the reader has to climb before finding out whether it is worth it.',
    fix: 'Add a title that names the project and the result, and section headings (## Problem, ## Data, ## Results, ## What I would do next).',
    limitations: 'Counts headings, not how good they are.',
  },
  run({ post, options, fail, pass }) {
    if (!post.title) fail('noTitle', {}, { file: post.path, line: 1 });
    const wanted = Math.floor(post.words / options.wordsPerHeading);
    if (post.headings.length < wanted) {
      fail('noHeadings', { words: post.words, headings: post.headings.length }, { file: post.path });
    }
    if (post.title && post.headings.length >= wanted) pass('structured', { headings: post.headings.length });
  },
});
