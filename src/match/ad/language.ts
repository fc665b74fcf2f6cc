/**
 * The vocabulary and the splitting rules are English. An ad in another language would come back
 * with almost nothing found, which reads as "you match nothing"; it is refused instead.
 */
const ENGLISH = new Set(
  'the and of to a in for with you we our is are be as on or your will an at by this that have from experience skills work team data'.split(
    ' ',
  ),
);
const OTHERS: Record<string, Set<string>> = {
  German: new Set(
    'und der die das mit für wir sie ist ein eine den von zu im auf sind oder kenntnisse erfahrung'.split(
      ' ',
    ),
  ),
  French: new Set(
    'et le la les des du pour avec vous nous est une un dans sur en au expérience compétences'.split(' '),
  ),
  Spanish: new Set(
    'y el la los las de del para con usted nosotros es una un en por experiencia conocimientos'.split(' '),
  ),
  Dutch: new Set('en de het van een voor met je wij jij is zijn op in ervaring kennis'.split(' ')),
  Portuguese: new Set(
    'e o a os as de do da para com você nós é uma um em por experiência conhecimento'.split(' '),
  ),
  Italian: new Set('e il la gli le di del per con voi noi è una un in su esperienza conoscenza'.split(' ')),
};

/**
 * A reason when the text is not English, else null. `what` names the text in the message. Texts
 * under 30 words (a project idea) are refused only on positive evidence: a non-Latin script, or
 * the common words of a known language outnumbering the English ones; a terse English idea with
 * no function words ("Kenyan maize yield forecasting from Sentinel-2 imagery") passes.
 */
export function languageProblem(text: string, what: 'ad' | 'idea' = 'ad'): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return what === 'idea' ? shortTextProblem(text, words) : null;
  const english = words.filter((w) => ENGLISH.has(w)).length / words.length;
  if (english >= 0.08) return null;
  let best = 'another language';
  let bestShare = 0;
  for (const [name, set] of Object.entries(OTHERS)) {
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > bestShare) {
      best = name;
      bestShare = share;
    }
  }
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /[A-Za-z\u00C0-\u024F]/.test(c)).length;
  const name =
    latin < letters.length * 0.5 ? 'a non-Latin script' : bestShare > english ? best : 'another language';
  return what === 'idea'
    ? `this idea seems to be in ${name}; only English ideas can be rated for now`
    : `this ad seems to be in ${name}; only English ads can be matched for now`;
}

function shortTextProblem(text: string, words: string[]): string | null {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /[A-Za-z\u00C0-\u024F]/.test(c)).length;
  if (letters.length >= 10 && latin < letters.length * 0.5)
    return 'this idea seems to be in a non-Latin script; only English ideas can be rated for now';
  const english = words.filter((w) => ENGLISH.has(w)).length;
  let best: [string, number] = ['', 0];
  for (const [name, set] of Object.entries(OTHERS)) {
    const other = words.filter((w) => set.has(w) && !ENGLISH.has(w)).length;
    if (other > best[1]) best = [name, other];
  }
  return best[1] >= 2 && best[1] > english
    ? `this idea seems to be in ${best[0]}; only English ideas can be rated for now`
    : null;
}
