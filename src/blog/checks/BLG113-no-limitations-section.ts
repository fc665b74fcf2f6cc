import { at, defineBlogCheck } from './define.js';

const LIMITS_IN_PROSE =
  /\b(limitations?|caveats?|did not work|didn'?t work|would do differently|next time i|future work|i don'?t know|not sure (why|whether))\b/i;

export default defineBlogCheck({
  code: 'BLG113',
  name: 'no-limitations-section',
  title: 'Says what it does not know: limitations or what comes next',
  principle: 'blog-craft',
  severity: 'medium',
  status: 'preview',
  structural: false,
  messages: {
    missing: 'No limitations or “what I’d do next” section, and no paragraph on what did not work',
    section: 'Has a section on limitations or next steps: “{{title}}”',
    prose: 'Discusses limitations in the text',
  },
  options: { minWords: 300 },
  advice: 'Add a short “Limitations and what I’d do next” section.',
  docs: {
    what: 'Looks for a heading on limitations, caveats, what went wrong or future work, or a paragraph that talks about them.',
    why: 'Knowing the limits of your analysis is the seniority signal hiring managers look for; a post where everything worked reads as either naive or unfinished.',
    fix: 'Add a section: what the data cannot tell, where the model fails, what you would try next.',
    limitations: 'Recognises wording, not substance. Posts under 300 words are not judged.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    const section = post.sections.find((s) => s.kind === 'limitations');
    if (section) return pass('section', { title: section.title }, at(post, section));
    const paragraph = post.paragraphs.find((p) => LIMITS_IN_PROSE.test(p.text));
    if (paragraph) return pass('prose', {}, at(post, paragraph));
    if (post.words < options.minWords) return notApplicable(`only ${post.words} words`);
    fail('missing', {}, { file: post.path });
  },
});
