/** A sentence that leans on a number or a study someone else produced. */
const STATISTIC =
  /\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per ?cent\b)|\b\d+(?:\.\d+)?\s?(?:million|billion|trillion)\b|\b\d+ (?:out of|in) (?:every )?\d+\b|\b\d+(?:\.\d+)?x (?:faster|slower|more|less)\b/i;
const PAPER =
  /\bet al\.?|\b(?:a|the|this|recent|seminal|original) (?:paper|study)\b|\bstudies (?:show|found|suggest)|\bresearch(?:ers)? (?:shows?|found|suggests?)|\baccording to\b|\barxiv\b|\bsurvey (?:by|from|of)\b/i;
/** The writer's own results ("my model reached 93%") are backed by their repository, not a citation. */
const OWN = /\b(?:i|my|we|our|mine)\b/i;
/** A citation written in the text: `[^2]`, `[3]`, `(Smith, 2020)`, `(Smith et al. 2019)`. */
const INLINE_CITATION = /\[\^?[\w-]+\]|\([A-Z][\w-]+(?: et al\.?)?,? (?:19|20)\d\d[a-z]?\)/;

export function claimKind(sentence: string): 'statistic' | 'paper' | null {
  if (OWN.test(sentence)) return null;
  if (PAPER.test(sentence)) return 'paper';
  if (STATISTIC.test(sentence)) return 'statistic';
  return null;
}

export function hasInlineCitation(text: string): boolean {
  return INLINE_CITATION.test(text);
}
