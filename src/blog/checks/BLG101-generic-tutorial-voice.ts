import { defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG101',
  name: 'generic-tutorial-voice',
  title: 'Written as a first-person account of the author’s own work',
  principle: 'blog-only-you',
  severity: 'high',
  status: 'preview',
  structural: false,
  messages: {
    tutorialVoice:
      'Reads as a generic tutorial: {{first}} first-person words per 100 against {{second}} “you” words; nothing says what you did',
    firstPerson: 'First-person account: {{first}} first-person words per 100',
  },
  options: { minFirstPerPercent: 0.8, minWords: 150 },
  advice: 'Rewrite the post around what you did, chose and got wrong: “I tried…, it failed because…”.',
  docs: {
    what: 'Compares first-person words (I, my, we, our) with second-person ones (you, your) across the prose.',
    why: 'A hiring manager has read the generic “you can use pandas to…” tutorial a hundred times. A post that says what you built, decided and learned shows how you work; a tutorial voice hides it.',
    fix: 'Tell the story of your project in the first person: the problem you had, what you tried, what went wrong, what you would do next.',
    limitations:
      'Counts pronouns, not meaning: a first-person tutorial (“I will show you…”) passes, and “we” in a team post counts as first person. Posts under 150 words are not judged.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    if (post.prose.words < options.minWords) return notApplicable(`only ${post.prose.words} words of prose`);
    const first = Math.round(post.prose.firstPersonRatio * 1000) / 10;
    const second = Math.round(post.prose.secondPersonRatio * 1000) / 10;
    const where = post.paragraphs[0]
      ? { file: post.path, line: post.paragraphs[0].line }
      : { file: post.path };
    if (first < options.minFirstPerPercent) return fail('tutorialVoice', { first, second }, where);
    pass('firstPerson', { first });
  },
});
