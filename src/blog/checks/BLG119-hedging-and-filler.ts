import { defineBlogCheck } from './define.js';

export default defineBlogCheck({
  code: 'BLG119',
  name: 'hedging-and-filler',
  title: 'Says things plainly: little hedging, few weasel and filler words',
  principle: 'blog-craft',
  severity: 'low',
  status: 'preview',
  structural: false,
  messages: {
    dense:
      '{{per100}} hedge, weasel or filler words per 100 ({{hedges}} hedges, {{weasels}} weasels, {{fillers}} fillers)',
    plain: '{{per100}} hedge, weasel or filler words per 100',
  },
  options: { maxPer100: 10, minWords: 150 },
  advice: 'Cut “very”, “basically”, “quite”, “it seems”: say what you found and how sure you are, once.',
  docs: {
    what: 'Counts words and phrases from the hedges, weasels and fillers lists (wooorm’s npm packages) per 100 words of prose.',
    why: 'Hedged, padded prose reads as unsure of its own results. A hiring manager wants someone who can state a finding and its uncertainty clearly.',
    fix: 'Delete fillers; replace hedges with a number (“in 3 of 5 folds”) or one honest caveat.',
    limitations:
      'Word lists flag some ordinary uses (“about 10%”, “always”); the threshold (10 per 100 words, each occurrence counted once even when it is on two lists) allows for that. Posts under 150 words are not judged.',
  },
  run({ post, options, fail, pass, notApplicable }) {
    const { words, hedges, weasels, fillers, vagueWords } = post.prose;
    if (words < options.minWords) return notApplicable(`only ${words} words of prose`);
    const per100 = Math.round((vagueWords / words) * 1000) / 10;
    const data = { per100, hedges, weasels, fillers };
    if (per100 > options.maxPer100) return fail('dense', data, { file: post.path });
    pass('plain', data);
  },
});
