import { splitAd } from './ad/split.js';
import type { InterviewFocus, InterviewPrep } from './types.js';
import { compileRule, type Vocabulary } from './vocabulary.js';

/**
 * The interview rounds an ad implies, each with the sentence that implies it and what to
 * prepare. Read from the whole ad except its company boilerplate ("About us", benefits), whose
 * "collaborative culture" says nothing about the interview.
 */
const DEGREE_SENTENCE = /\b(degree|bachelor'?s?|master'?s?|ph\.?\s?d|b\.?sc?|m\.?sc?)\b/i;

export function interviewFoci(text: string, vocabulary: Vocabulary): InterviewPrep[] {
  const segments = splitAd(text).filter((s) => !s.heading && s.section !== 'other');
  const found: { prep: InterviewPrep; score: number; order: number }[] = [];
  const union = (patterns: string[]) =>
    compileRule(`(?i)(?:${patterns.map((p) => p.replace(/^\(\?i\)/, '')).join('|')})`);
  vocabulary.foci.forEach((focus, order) => {
    const re = union(focus.patterns);
    const strong = focus.strong && focus.strong.length > 0 ? union(focus.strong) : null;
    const hits = segments.filter((s) => re.test(s.text) || strong?.test(s.text));
    if (hits.length === 0) return;
    // A sentence with a strong cue counts twice: "Publications at ACL" implies a research round alone.
    const score = hits.reduce((n, s) => n + (strong?.test(s.text) ? 2 : 1), 0);
    // A degree's fields of study ("MS in statistics, machine learning…") are a weak reason to quote.
    const asks = (s: (typeof hits)[number]) =>
      (s.section === 'requirements' || s.section === 'nice') && !DEGREE_SENTENCE.test(s.text);
    const hit =
      hits.find((s) => asks(s) && strong?.test(s.text)) ??
      hits.find((s) => strong?.test(s.text) && !DEGREE_SENTENCE.test(s.text)) ??
      hits.find(asks) ??
      hits[0]!;
    found.push({
      prep: {
        focus: focus.id as InterviewFocus,
        text: hit.text.slice(0, 300),
        line: hit.line,
        advice: focus.advice,
      },
      score,
      order,
    });
  });
  // One passing word ("queries", "PhD preferred") does not make a round: a focus needs two
  // sentences or one strong cue, unless the ad implies nothing that clearly. Strongest first.
  const clear = found.filter((f) => f.score >= 2);
  const kept = clear.length > 0 ? clear : found.slice(0, 2);
  return kept.sort((a, b) => b.score - a.score || a.order - b.order).map((f) => f.prep);
}
