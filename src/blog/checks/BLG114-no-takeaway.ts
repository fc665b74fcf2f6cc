import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG114',
  name: 'no-takeaway',
  title: 'Leaves the reader able to act: a takeaway, next steps or a link to try it',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: false,
  messages: {
    missing: 'Ends without a takeaway, next steps or a link to try it',
    section: 'Ends with “{{title}}”',
    tryIt: 'Ends with a link to try it: {{url}}',
  },
  options: { minWords: 300 },
  advice: 'End with a takeaway and a link where the reader can try or reuse the work.',
  docs: {
    what: 'Looks for a Takeaways / Conclusion / Next steps / Try it heading, or a link to the author’s work or a demo in the last quarter of the post.',
    why: 'A post that ends with something to do (clone this, try the demo, reuse the trick) is remembered and shared; a hiring manager sees you think about your audience.',
    fix: 'Add a closing section with one or two takeaways and the link to your repository or demo.',
    limitations:
      'Posts under 300 words are not judged; a takeaway without a heading and without a link is not seen.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    const section = post.sections.find((s) => s.kind === 'takeaway' || s.kind === 'next-steps');
    if (section) return pass('section', { title: section.title }, at(post, section));
    const lastLine = Math.max(0, ...post.paragraphs.map((p) => p.line));
    const tail = post.links.filter(
      (l) =>
        (l.kind === 'own-work' || /\b(demo|try|app|space|streamlit|colab)\b/i.test(`${l.text} ${l.url}`)) &&
        l.line >= lastLine * 0.75,
    );
    if (tail.length > 0) return pass('tryIt', { url: tail[0]!.url }, at(post, tail[0]!));
    if (post.words < options.minWords) return notApplicable(`only ${post.words} words`);
    fail('missing', {}, { file: post.path, line: lastLine || 1 });
  },
});
