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

/** A reason when the text is not English, else null. */
export function languageProblem(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return null;
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
  return `this ad seems to be in ${name}; only English ads can be matched for now`;
}
