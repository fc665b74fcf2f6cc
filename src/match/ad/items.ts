import type { ItemCategory, ItemKind } from '../types.js';
import { findSkills, type Vocabulary } from '../vocabulary.js';
import { type Segment, splitAd } from './split.js';

/** A requirement as read from the ad, before the portfolio is consulted. */
export interface ParsedItem {
  text: string;
  line: number;
  kind: ItemKind;
  category: ItemCategory;
  skills: string[];
  judgeable: boolean;
  note?: string;
}

const NICE_CUE =
  /\b(preferred|preferably|preferable|a plus|is a plus|are a plus|plus\b(?! years)|bonus|nice[- ]to[- ]have|ideally|desirable|desired|advantageous|an advantage|an asset|beneficial|would be (great|nice|good)|good to have|not required|optional|good idea to (know|have)|is valued|are valued)\b/i;
const REQUIRED_CUE = /\b(required|must|mandatory|essential|minimum)\b/i;
const REQUIREMENT_CUE =
  /\b(experience (with|in|using|of|building|designing|developing|working|deploying|applying|writing)|experienced|\d+\+?\s*(?:-|–|to)?\s*\d*\+?\s*(years?|yrs)|proficien\w*|knowledge (of|in)|familiar\w*|understanding of|expertise|background in|degree|bachelor|master'?s|ph\.?d|skills? (in|with)|skilled|ability to|able to|you have|you bring|you're|you are|must|required(?! (for|by|to))|strong|solid|hands[- ]on|fluen\w*|comfortable (with|using)|track record|exposure to|working knowledge|preferred|a plus|bonus|nice to have|ideally|qualifications?|command of|mastery|competen\w*|grasp of|expert (in|at|level|user)|adept at|advanced knowledge|you('re| are)? (a|an) |you studied|you've|we('re| are) looking for (someone|candidates?|people|individuals|folks|a person|a candidate)|candidates? (with|who)|you need to|you must|you should|you (thrive|love|enjoy|know|can|understand)|candidate should|should (be|have)|capable of|you need|need to be)\b/i;
/** Openers that make a sentence a requirement in an ad without headings. */
const START_CUE = /^(experience|strong|solid|proven|excellent|good|deep|expert|demonstrated)\b/i;

const YEARS =
  /\b(\d+\s*\+?\s*(?:-|–|to)?\s*\d*\s*\+?\s*(?:years?|yrs)|(one|two|three|four|five|six|seven|eight|nine|ten)\+?\s*(?:\(\d+\)\s*)?(?:or more\s*)?years?)\b/i;
const DEGREE_WORD =
  /\b(bachelor'?s?|master'?s?|ph\.?\s?d\.?|doctorate|doctoral|(?<!\b(?:high|some|certain|great|varying|large|significant|greater|higher|any|what|third|first|second)\s)degree(?!\s+of\b)|b\.sc\.?|m\.sc\.?|bsc|msc|mba|diploma|undergraduate|graduate degree|post-?graduate|university studies)\b/i;
/** BS, MS, BA as degrees, not "MS Excel". */
const DEGREE_ABBR =
  /\b(BA|BS|MS|B\.S\.|M\.S\.)(?![\w.])(?!\s+(Excel|Office|SQL|Word|Access|Teams|Azure|Power|Project|Visio))/;
const DEGREE = { test: (text: string) => DEGREE_WORD.test(text) || DEGREE_ABBR.test(text) };
const PLACE =
  /\b(authori[sz]ed to work|work authori[sz]ation|right to work|visa|sponsorship|citizen(ship)?|security clearance|clearance|relocat\w*|on-?site|in[- ]office|hybrid|remote|based in|commut\w*|travel|driver'?s licen[cs]e|background check|time ?zone|hours? overlap|legally)\b/i;
const LANGUAGE =
  /\b(english|german|french|spanish|dutch|italian|portuguese|mandarin|chinese|japanese|arabic|hindi|polish|swedish|danish|norwegian|finnish)\b/i;
const SOFT =
  /\b(teammate|team[- ]mate|creativ\w*|never stop learning|fast learner|quick learner|learn new|pick up new|learn tools|enthusias\w*|motivat\w*|driven|open[- ]minded|strategic thinker|pragmati\w*|relentless|rapport|professionalism|mentoring|curiosity|inquisitive|judgement|judgment|thrive|achievement[- ]oriented|autonomous|independent|innovative|deadlines|problem solver|trade-offs|communicat\w*|collaborat\w*|teamwork|team player|interpersonal|stakeholders?|presentation|present(ing)? (findings|results|complex)|storytelling|curious|curiosity|self[- ]starter|self[- ]motivated|proactive|attention to detail|detail[- ]oriented|problem[- ]solv\w*|critical thinking|analytical (skills|mindset|thinking)|organi[sz]ed|organi[sz]ational|time management|ownership|adaptab\w*|independently|autonomous\w*|passion\w*|growth mindset|comfortable working|multiple projects|concurrently|adapt to|desire (for|to)|learning mindset|self[- ]directed|highly[- ]motivated|leadership|mentor\w*|empathy|fast[- ]paced|multitask\w*|prioriti[sz]\w*|written and (verbal|oral)|verbal and written|non-technical audiences|influence|business acumen|eager to learn|willing(ness)? to learn|multiple tasks?|multi-?task\w*|facilitate|consensus|articulate|analytical (mind|way|approach)|inclination|accuracy|accurate|(oral|verbal) and written|written and (oral|verbal)|write (comprehensive |clear |concise )?reports|love to learn|ask for help|cross-functional teams?|people-oriented|decisive|stressful|under pressure|conceptuali[sz]e|challenged|you (are|love|like|enjoy) |smart|ramp up|skilled analytically|good business mind|articulat\w*|(without|minimal|little) (constant |close )?(supervision|oversight)|resourceful|integrity|work ethic|team environment|continuous(ly)? learn\w*|ambiguity)\b/i;
const DOMAIN =
  /\b(finance|financial services|banking|fintech|insurance|healthcare|health care|clinical|pharma\w*|biotech|genomics|bioinformatics|life sciences|e-?commerce|retail|marketing|advertising|ad ?tech|supply chain|logistics|manufacturing|energy|telecom\w*|gaming|media|automotive|real estate|public sector|government|cybersecurity|fraud|credit risk|risk modell?ing|payments|hospitality|agriculture|climate|sports|legal|ehr|claims data|electronic health records|hr analytics|people analytics|mobility|transportation|higher education|marketplaces?)\b/i;
const DOMAIN_CUE =
  /\b(domain|industry|sector|experience|experienced in|background in|knowledge (of|in)|understanding of|familiarity with|exposure to)\b/i;

const FIELD_OF_STUDY =
  /\b(?:(?<!\b(?:high|some|certain|great|varying|large|significant|greater|higher)\s)degree(?!\s+of\b)|bachelor'?s?|master'?s?|ph\.?\s?d\.?|doctorate|b\.?sc?|m\.?sc?|BS|MS|BA|diploma)\b[^.;]*?\b(?:in|of)\b[^.;]*?(?=\bor (?:a )?(?:related|similar|equivalent|comparable|another)|\bor equivalent|[.;]|\band\b(?! (?:mathematics|statistics|computer|economics|physics|engineering))|$)/gi;

/**
 * "A degree in Statistics or Machine Learning" names fields of study, not skills to show: method
 * skills named inside a degree clause are dropped (tools named there stay).
 */
function withoutFieldsOfStudy(
  text: string,
  mentions: ReturnType<typeof findSkills>,
  vocabulary: Vocabulary,
): ReturnType<typeof findSkills> {
  const spans: [number, number][] = [];
  FIELD_OF_STUDY.lastIndex = 0;
  for (let m = FIELD_OF_STUDY.exec(text); m !== null; m = FIELD_OF_STUDY.exec(text)) {
    spans.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) FIELD_OF_STUDY.lastIndex++;
  }
  // A sentence that only states a degree names fields of study: none of them is a skill to show.
  if (
    DEGREE.test(text) &&
    !/\b(experience|knowledge|proficien\w*|familiar\w*|skills?|using|with)\b/i.test(text)
  )
    return [];
  if (spans.length === 0) return mentions;
  return mentions.filter(
    (m) =>
      vocabulary.byId.get(m.skill)?.category !== 'skill' ||
      !spans.some(([a, b]) => m.start >= a && m.end <= b),
  );
}

/** Clauses of a sentence, to tell "SQL and strong communication" apart from "communicate SQL results". */
function clauses(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /,|;|\band\b|\bas well as\b|\bplus\b/gi;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start, end: text.length });
  return out;
}

function kindOf(segment: Segment): ItemKind {
  if (segment.section === 'nice')
    return REQUIRED_CUE.test(segment.text) && !NICE_CUE.test(segment.text) ? 'required' : 'nice';
  return NICE_CUE.test(segment.text) ? 'nice' : 'required';
}

/** Company text that reads like a requirement: role introductions and equal-opportunity statements. */
const BOILERPLATE =
  /\b(equal (employment )?opportunity|eeo\b|affirmative action|without regard to|reasonable accommodation|encouraged to apply|(is|are|we're) (looking for|seeking|hiring) (a |an )?(great |talented |passionate |senior |junior |experienced |motivated )?(data|machine|ml|research|software|business|quantitative)\b)|^join (us|our|the)\b|\b(to apply|please (e-?mail|send|apply|submit)|thank you)\b|^this (is|role is) an? [\w/ -]{0,40}\b(role|position|job)\b/i;

/** A sentence opening with what the person does ("Develop…", "Providing…", "Maintains…"). */
const DUTY_VERB =
  /^(?:work(?:s|es|ed|ing)?|develop(?:s|es|ed|ing)?|build(?:s|es|ed|ing)?|creat(?:e|es|ed|ing)|design(?:s|es|ed|ing)?|conduct(?:s|es|ed|ing)?|provid(?:e|es|ed|ing)|retriev(?:e|es|ed|ing)|analy[sz](?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|partner(?:s|es|ed|ing)?|lead(?:s|es|ed|ing)?|manag(?:e|es|ed|ing)|maintain(?:s|es|ed|ing)?|support(?:s|es|ed|ing)?|identif(?:y|ies|ied|ying)|implement(?:s|es|ed|ing)?|deploy(?:s|es|ed|ing)?|monitor(?:s|es|ed|ing)?|evaluat(?:e|es|ed|ing)|research(?:s|es|ed|ing)?|present(?:s|es|ed|ing)?|defin(?:e|es|ed|ing)|driv(?:e|es|ed|ing)|own(?:s|es|ed|ing)?|perform(?:s|es|ed|ing)?|prepar(?:e|es|ed|ing)|participat(?:e|es|ed|ing)|assist(?:s|es|ed|ing)?|document(?:s|es|ed|ing)?|generat(?:e|es|ed|ing)|train(?:s|es|ed|ing)?|troubleshoot(?:s|es|ed|ing)?|report(?:s|es|ed|ing)?|us(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|writ(?:e|es|ed|ing)|help(?:s|es|ed|ing)?|communicat(?:e|es|ed|ing)|translat(?:e|es|ed|ing)|ensur(?:e|es|ed|ing)|automat(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|optimi[sz](?:e|es|ed|ing)|architect(?:s|es|ed|ing)?|run(?:s|es|ed|ing)?|collect(?:s|es|ed|ing)?|process(?:s|es|ed|ing)?|review(?:s|es|ed|ing)?|coordinat(?:e|es|ed|ing)|establish(?:s|es|ed|ing)?|deliver(?:s|es|ed|ing)?|oversee(?:s|es|ed|ing)?|contribut(?:e|es|ed|ing)|mentor(?:s|es|ed|ing)?|guid(?:e|es|ed|ing)|serv(?:e|es|ed|ing)|act(?:s|es|ed|ing)?|interpret(?:s|es|ed|ing)?|assess(?:s|es|ed|ing)?|investigat(?:e|es|ed|ing)|explor(?:e|es|ed|ing)|extract(?:s|es|ed|ing)?|transform(?:s|es|ed|ing)?|load(?:s|es|ed|ing)?|integrat(?:e|es|ed|ing)|recommend(?:s|es|ed|ing)?)\b(?! (knowledge|experience)\b)/i;

/** Duties phrased as what the person will do: not requirements unless they say so outright. */
const DUTY =
  /\b(will be (working|creating|responsible|building|developing|expected)|you will|you'll|the candidate will|responsible for)\b/i;

/** Whether a segment states something asked of the candidate, given the section it sits in. */
function isRequirement(segment: Segment, vocabulary: Vocabulary): boolean {
  if (segment.heading) return false;
  const inList = segment.section === 'requirements' || segment.section === 'nice';
  if (
    segment.text.split(/\s+/).length < 2 &&
    !segment.bullet &&
    !(inList && findSkills(segment.text, vocabulary).length > 0)
  )
    return false;
  if (segment.section === 'other') return false;
  if (
    BOILERPLATE.test(segment.text) &&
    !/\b(authori[sz]ed to work|citizens?|sponsor\w*)\b/i.test(segment.text) &&
    // "We are looking for research scientists with a strong background in deep learning" asks.
    !/\b(with|who have|who has)\b[^.]*\b(background|experience|knowledge|expertise|skills)\b/i.test(
      segment.text,
    )
  )
    return false;
  if (segment.section === 'requirements' || segment.section === 'nice') {
    // A closing paragraph under the last list ("We review every application…") is not a requirement.
    if (segment.bullet || REQUIREMENT_CUE.test(segment.text) || NICE_CUE.test(segment.text)) return true;
    if (DUTY.test(segment.text)) return false;
    return (
      segment.text.split(/\s+/).length <= 12 ||
      findSkills(segment.text, vocabulary).length > 0 ||
      SOFT.test(segment.text) ||
      YEARS.test(segment.text) ||
      DEGREE.test(segment.text)
    );
  }
  if (segment.section === 'responsibilities' && DUTY.test(segment.text)) return false;
  // "Providing technical expertise on…", "Work across stakeholders to…": a duty, not a requirement.
  if (
    segment.section === 'responsibilities' &&
    DUTY_VERB.test(segment.text) &&
    !REQUIRED_CUE.test(segment.text)
  )
    return false;
  if (segment.section === 'none' && DUTY.test(segment.text) && !REQUIRED_CUE.test(segment.text)) return false;
  if (segment.section === 'none' && START_CUE.test(segment.text)) return true;
  // A list item of an ad without headings that names a tool ("- SQL, R, Python").
  if (segment.section === 'none' && segment.bullet && findSkills(segment.text, vocabulary).length > 0)
    return true;
  // "Any ETL tool experience (ex: Informatica)": a sentence naming a tool and asking for experience of it.
  if (
    segment.section === 'none' &&
    !/\b(we|our|us)\b/i.test(segment.text) &&
    /\b(experience|knowledge|proficiency|skills)\b/i.test(segment.text) &&
    !DUTY.test(segment.text) &&
    findSkills(segment.text, vocabulary).length > 0
  )
    return true;
  if (/\blooking for\b/i.test(segment.text) && SOFT.test(segment.text)) return true;
  return REQUIREMENT_CUE.test(segment.text) || NICE_CUE.test(segment.text);
}

function cap(text: string): string {
  return text.length > 400 ? `${text.slice(0, 397)}…` : text;
}

/**
 * Requirement items of one segment: one per skill it names (so "Python, R and SQL" gives three
 * items sharing the text), plus the years, degree, place and soft-skill parts, which are listed
 * but not judged.
 */
/** "…is a plus", "…preferred" stated as a clause of its own, not as the tail of a list. */
const OWN_NICE_CLAUSE =
  /^\s*(with|preferably|ideally|and (ideally|preferably))\b|^\s*(a |an )?(ph\.?\s?d\.?|doctorate|master'?s?|bachelor'?s?|m\.?s\.?|graduate degree|advanced degree)\b[^,]{0,30}\b(is|are|would be)\s+(a\s+|an\s+)?(strong\s+|big\s+)?(plus|preferred|bonus|nice|desirable|advantage|asset)\b/i;

/**
 * The kind of each part of a sentence that mixes required and preferred: "Masters degree in a STEM
 * field; PhD preferred", "B.S. in Physics - M.S. preferred", "…or Computer Science, PhD is a plus".
 * Parts are set apart by semicolons, dashes, parentheses and clauses of their own ("PhD is a plus");
 * a cue that names nothing ("(Preferred)") marks the part before it. Returns null when the whole
 * segment has one kind.
 */
function kindsOfParts(
  segment: Segment,
  mentions: ReturnType<typeof findSkills>,
): { start: number; end: number; kind: ItemKind }[] | null {
  const text = segment.text;
  if (segment.section === 'nice' || !NICE_CUE.test(text)) return null;
  const parts: { start: number; end: number; nice: boolean }[] = [];
  const hard = /;|\s[-–]\s|\(|\)/g;
  let start = 0;
  const pushGroup = (a: number, b: number) => {
    const group = text.slice(a, b);
    // Comma clauses that carry their own cue are parts of their own.
    const commas = [...group.matchAll(/,/g)].map((m) => m.index!);
    let from = a;
    for (const c of [...commas.map((x) => a + x), b]) {
      const clause = text.slice(from, c);
      if (c !== b && !OWN_NICE_CLAUSE.test(text.slice(c + 1, b).split(',')[0] ?? '')) continue;
      parts.push({ start: from, end: c, nice: NICE_CUE.test(clause) });
      from = c;
    }
    if (from < b) parts.push({ start: from, end: b, nice: NICE_CUE.test(text.slice(from, b)) });
  };
  for (let m = hard.exec(text); m !== null; m = hard.exec(text)) {
    pushGroup(start, m.index);
    start = m.index + m[0].length;
  }
  pushGroup(start, text.length);
  // A part names something when it names a skill or a degree, or has two words besides its cue.
  const named = (p: { start: number; end: number }) =>
    mentions.some((m) => m.start >= p.start && m.end <= p.end) ||
    DEGREE.test(text.slice(p.start, p.end)) ||
    (
      text
        .slice(p.start, p.end)
        .replace(NICE_CUE, '')
        .replace(
          /\b(strongly|highly|very|big|huge|great|definite|nice|extra|is|are|a|an|but|not|required|would|be|also|will|considered)\b/gi,
          '',
        )
        .match(/\p{L}{2,}/gu) ?? []
    ).length >= 2;
  const kinds = parts.map((p) => ({ ...p, kind: (p.nice ? 'nice' : 'required') as ItemKind }));
  // "Python (pandas) is a plus", "MS/Ph.D. (Preferred)": a cue naming nothing marks what comes
  // before it, back to the last semicolon.
  kinds.forEach((p, i) => {
    if (!p.nice || named(p)) return;
    for (let j = i - 1; j >= 0; j--) {
      kinds[j]!.kind = 'nice';
      if (/;\s*$/.test(text.slice(0, kinds[j]!.start))) break;
    }
  });
  // "It's a good idea to know the tools - SQL, R - but you must…": a nice lead naming no skill or
  // degree makes what follows it nice, up to a part that requires.
  kinds.forEach((p, i) => {
    const t = text.slice(p.start, p.end);
    if (!p.nice || DEGREE.test(t) || mentions.some((m) => m.start >= p.start && m.end <= p.end)) return;
    for (
      let j = i + 1;
      j < kinds.length && !REQUIRED_CUE.test(text.slice(kinds[j]!.start, kinds[j]!.end));
      j++
    )
      kinds[j]!.kind = 'nice';
  });
  const meaningful = kinds.filter((p) => named(p));
  if (meaningful.every((p) => p.kind === 'nice') || meaningful.every((p) => p.kind === 'required'))
    return null;
  return kinds;
}

export function itemsOfSegment(segment: Segment, vocabulary: Vocabulary): ParsedItem[] {
  const text = segment.text;
  const mentions = withoutFieldsOfStudy(text, findSkills(text, vocabulary), vocabulary);
  const parts = kindsOfParts(segment, mentions);
  const kindAt = (pos: number): ItemKind =>
    parts?.find((p) => pos >= p.start && pos < p.end)?.kind ?? kindOf(segment);
  const base = {
    text: cap(text).replace(/\u200B/g, ''),
    line: segment.line,
    kind: parts ? 'required' : kindOf(segment),
  } as const;
  const items: ParsedItem[] = [];
  const seen = new Set<string>();
  const yearsAt = YEARS.exec(text)?.index;
  if (yearsAt !== undefined)
    items.push({
      ...base,
      kind: parts ? kindAt(yearsAt) : base.kind,
      category: 'experience',
      skills: [],
      judgeable: false,
      note: 'years of experience: repositories cannot show them',
    });
  if (DEGREE.test(text)) {
    // "Masters degree…; PhD preferred" asks for one degree and prefers another: two items.
    const kinds = parts
      ? [...new Set(parts.filter((p) => DEGREE.test(text.slice(p.start, p.end))).map((p) => p.kind))]
      : [base.kind];
    for (const kind of kinds.length > 0 ? kinds : [base.kind])
      items.push({
        ...base,
        kind,
        category: 'degree',
        skills: [],
        judgeable: false,
        note: 'a degree: repositories cannot show it',
      });
  }
  // "…, with prior work experience strongly preferred": experience asked for apart from the skills.
  const experiencePart = parts?.find(
    (p) => p.kind === 'nice' && /\bexperience\b/i.test(text.slice(p.start, p.end)),
  );
  if (
    yearsAt === undefined &&
    ((experiencePart &&
      !mentions.some((m) => m.start >= experiencePart.start && m.end <= experiencePart.end)) ||
      (/\bexperience as an?\b|\b(experience|competence|familiarity) (working |handling )?with (large|big|complex|high-volume|massive)\b/i.test(
        text,
      ) &&
        mentions.length === 0))
  )
    items.push({
      ...base,
      kind: experiencePart ? 'nice' : base.kind,
      category: 'experience',
      skills: [],
      judgeable: false,
      note: 'experience: repositories cannot show it',
    });
  if (PLACE.test(text) && mentions.length === 0)
    items.push({
      ...base,
      category: 'other',
      skills: [],
      judgeable: false,
      note: 'location or work authorisation: not a matter of code',
    });
  else if (
    LANGUAGE.test(text) &&
    /\b(fluen\w*|native|proficien\w*|speak\w*|written|spoken|language|business[- ]level)\b/i.test(text) &&
    mentions.length === 0
  )
    items.push({
      ...base,
      category: 'soft',
      skills: [],
      judgeable: false,
      note: 'a spoken language: repositories cannot show it',
    });
  for (const m of mentions) {
    if (seen.has(m.skill)) continue;
    seen.add(m.skill);
    const entry = vocabulary.byId.get(m.skill)!;
    items.push({
      ...base,
      kind: kindAt(m.start),
      category: entry.category,
      skills: [m.skill],
      judgeable: true,
    });
  }
  const free = clauses(text)
    .filter((c) => !mentions.some((m) => m.start < c.end && c.start < m.end))
    .map((c) => c.text);
  const softWhole = /\b((oral|verbal) and written|written and (oral|verbal))\b/i.test(text);
  if ((softWhole || free.some((c) => SOFT.test(c))) && !items.some((i) => i.category === 'soft'))
    items.push({
      ...base,
      category: 'soft',
      skills: [],
      judgeable: false,
      note: 'a personal quality: shown in interviews, not in code',
    });
  if (DOMAIN.test(text) && DOMAIN_CUE.test(text) && free.some((c) => DOMAIN.test(c)))
    items.push({
      ...base,
      category: 'domain',
      skills: [],
      judgeable: true,
      note: `domain: ${DOMAIN.exec(text)![0]}`,
    });
  if (items.length === 0) {
    const category: ItemCategory = /\b(experience|track record|background|worked|history of)\b/i.test(text)
      ? 'experience'
      : 'other';
    items.push({
      ...base,
      category,
      skills: [],
      judgeable: false,
      note: 'names no skill the vocabulary knows: judge it yourself',
    });
  }
  return items;
}

/** The ad's requirement items, in order. */
export function parseRequirements(text: string, vocabulary: Vocabulary): ParsedItem[] {
  const names = camelNames(vocabulary);
  const segments = splitAd(text, names);
  // "It's a good idea to know the tools - SQL, R - but you must…": a lead-in with a nice cue and no
  // skill of its own makes the list pieces after it on its line nice, up to one that requires.
  segments.forEach((lead, i) => {
    if (lead.heading || !NICE_CUE.test(lead.text) || findSkills(lead.text, vocabulary).length > 0) return;
    for (let j = i + 1; j < segments.length; j++) {
      const next = segments[j]!;
      if (next.line !== lead.line || !next.bullet || next.heading || REQUIRED_CUE.test(next.text)) break;
      if (next.section !== 'other') segments[j] = { ...next, section: 'nice' };
    }
  });
  return segments.filter((s) => isRequirement(s, vocabulary)).flatMap((s) => itemsOfSegment(s, vocabulary));
}

const namesCache = new WeakMap<Vocabulary, Set<string>>();

/** Product names written in camel case (PyTorch, BigQuery) that must not be split as glued text. */
export function camelNames(vocabulary: Vocabulary): Set<string> {
  let names = namesCache.get(vocabulary);
  if (!names) {
    names = new Set(
      vocabulary.skills
        .flatMap((s) => [s.name, ...s.aliases, ...(s.cased ?? [])])
        .map((a) => a.replace(/[^\p{L}'’]/gu, '').toLowerCase()),
    );
    namesCache.set(vocabulary, names);
  }
  return names;
}
