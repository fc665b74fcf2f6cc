import { splitAd } from './ad/split.js';
import type { InterviewFocus, InterviewPrep } from './types.js';
import { compileRule, type Vocabulary } from './vocabulary.js';

/**
 * The interview rounds an ad implies, each with the sentence that implies it and what to
 * prepare. Read from the whole ad except its company boilerplate ("About us", benefits), whose
 * "collaborative culture" says nothing about the interview.
 */
export function interviewFoci(text: string, vocabulary: Vocabulary): InterviewPrep[] {
  const segments = splitAd(text).filter((s) => !s.heading && s.section !== 'other');
  const out: InterviewPrep[] = [];
  for (const focus of vocabulary.foci) {
    const re = compileRule(`(?i)(?:${focus.patterns.map((p) => p.replace(/^\(\?i\)/, '')).join('|')})`);
    const hit = segments.find((s) => re.test(s.text));
    if (hit)
      out.push({
        focus: focus.id as InterviewFocus,
        text: hit.text.slice(0, 300),
        line: hit.line,
        advice: focus.advice,
      });
  }
  return out;
}
