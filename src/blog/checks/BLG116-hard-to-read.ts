import { at, defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG116',
  name: 'hard-to-read',
  title: 'Plain enough to read: sentences and words of reasonable length',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: false,
  messages: {
    hard: 'Hard to read: Flesch–Kincaid grade {{grade}}, {{long|sentence}} over 35 words (longest {{longest}})',
    readable: 'Readable: Flesch–Kincaid grade {{grade}}, mean sentence {{mean}} words',
  },
  options: { maxGrade: 14, maxLongSentenceShare: 0.1 },
  advice: 'Shorten long sentences and swap jargon for plain words; aim for a Flesch–Kincaid grade under 14.',
  docs: {
    what: 'Computes the Flesch–Kincaid grade (syllable and flesch-kincaid packages) and counts sentences of more than 35 words (wink-nlp sentence splitting).',
    why: 'The people who hire you include managers outside data science. If they cannot follow your post, they cannot see your work.',
    fix: 'Split sentences at “and”, “which”, “because”; one idea per sentence; define terms once.',
    limitations:
      'Readability formulas count syllables, not meaning; technical names inflate the grade. Posts with under 100 words of prose are not judged.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    const { grade, sentences, longSentences, longestSentence, meanSentence } = post.prose;
    if (grade === null || sentences === 0) return notApplicable('too little prose to judge');
    const share = longSentences / sentences;
    if (grade > options.maxGrade || share > options.maxLongSentenceShare) {
      const longest = [...post.paragraphs].sort((a, b) => b.longestSentence - a.longestSentence)[0];
      return fail(
        'hard',
        { grade, long: longSentences, longest: longestSentence },
        longest ? at(post, longest, `${longest.longestSentence}-word sentence`) : { file: post.path },
      );
    }
    pass('readable', { grade, mean: meanSentence });
  },
});
