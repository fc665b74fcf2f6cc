/**
 * Splits an ad into segments: one per bullet, heading or sentence, each with its line and the
 * section it sits in. Real ads scraped from job boards often have no newlines and glued bullets
 * ("…discipline.2-4 years of…", "Job RequirementsBachelor's degree…"), and sentence splitters
 * do not split bullets, so bullet markers, headings and glued joints are split first.
 */

export type Section = 'requirements' | 'nice' | 'responsibilities' | 'other' | 'none';

export interface Segment {
  text: string;
  /** 1-based line of the text it came from. */
  line: number;
  section: Section;
  heading: boolean;
  /** The segment was a list item (a bullet or a number). */
  bullet: boolean;
}

const BULLET_CHARS = '•·▪●◦‣∙■□➢➤►✓✔❖➔→*';
const BULLET = new RegExp(`\\s*[${BULLET_CHARS}]\\s*`, 'u');

/** Words that end a heading glued to the next text ("Job RequirementsBachelor's degree"). */
const HEADING_WORDS = new Set(
  'requirements qualifications qualification responsibilities responsibility skills description overview benefits experience education preferred plus bonus have us role summary perks offer duties needs candidate profile expect looking you bring do team company position opportunity knowledge abilities competencies ideal desired required must nice job about who what why tasks location salary compensation apply requirement details more expertise background'.split(
    ' ',
  ),
);
/** Words that begin a requirement glued to the previous one ("…skillsExperience with…"). */
const STARTERS = new Set(
  "bachelor bachelor's bachelors master master's masters phd degree experience strong proficiency proficient knowledge ability familiarity excellent demonstrated minimum must understanding advanced solid hands working good previous prior at you we the our this a an in proven deep expertise comfortable exposure fluency fluent track outstanding great background passion curiosity willingness self build develop design work collaborate partner lead own drive create analyze analyse perform conduct support maintain implement deploy communicate translate identify use apply write manage ensure provide help monitor evaluate research present define familiar nice preferred bonus required requirements qualifications responsibilities benefits what who about why ideally able excellent effective overall hands detail".split(
    ' ',
  ),
);

/** Camel-case words that are names, not glued text. */
const CAMEL_WORDS = new Set(
  'youtube linkedin powerpoint sharepoint wordpress salesforce hubspot netsuite servicenow onedrive macos deepmind openstreetmap geopandas statsmodels pycharm vscode mckinsey macbook paypal jetbrains fintech healthtech edtech insurtech proptech adtech martech ecommerce dataops devsecops javascript typescript iphone ipad facebook openai sagemaker'.split(
    ' ',
  ),
);

const INLINE_HEADING =
  /(?<=[\p{Ll}.)\d!])\s+(Responsibilities|Requirements|Job Requirements|Qualifications|Minimum Qualifications|Basic Qualifications|Preferred Qualifications|Hopes|Nice to have|Nice to Have|Desired Skills|Preferred Skills|Required Skills|Benefits|About Us|About You|About the Role)\s+(?=\p{Lu})/gu;
/** A capitalised requirement opener right after a lower-case word, without a full stop between. */
const INLINE_STARTER =
  /(?<=[\p{Ll}\d)])(?<!\b(?:or|and|of|in|a|an|the|with|to|for|from|as|[Bb]achelors?|[Bb]achelor's|[Mm]asters?|[Mm]aster's|[Aa]ssociates?|[Aa]ssociate's))\s+(?=(?:Experience|Ability|Analysis(?<!\b\p{Lu}\p{Ll}*\s+Analysis)|Create|Willingness|Desire|Excellent|Strong|Knowledge|Proficiency|Proficient|Familiarity|Familiar|Bachelor|Master|Must|Minimum|Understanding|Solid|Hands-on|Demonstrated|Proven|Working|Fluency|Fluent|Passion|Good|Degree|PhD|Adept|Expert|Advanced|Comfortable|Exposure|Background|Track|Defining|An analytical|Data Warehousing|Lead|Self|Maintains|Possess|Possesses|Evidence of)\b)/gu;

const ABBREVIATIONS =
  /\b(e\.g|i\.e|etc|incl|vs|approx|ph\.d|b\.s|m\.s|b\.sc|m\.sc|u\.s|u\.k|sr|jr|no|dept|inc|ltd|co|min|max|esp|cf|al)\.$/i;

/**
 * Splits a line at glued joints: a sentence end touching the next sentence, a heading touching
 * its first item, camel-case joints that are not product names.
 */
function unglue(line: string, names: ReadonlySet<string>): string[] {
  let s = line.replace(/\t+/g, '\n').replace(/\)(?=\p{Lu}\p{Ll})/gu, ')\n');
  if ((s.match(/(?<=[\p{Ll}.:)!])-(?=\p{Lu}\p{Ll})/gu) ?? []).length >= 2)
    s = s.replace(/(?<=[\p{Ll}.:)!])-(?=\p{Lu}\p{Ll})/gu, '\n• ');
  if (line.length > 200) {
    // A run-on ad whose headings and items were joined with spaces: "…team Requirements Experience with…".
    s = s.replace(INLINE_HEADING, '\n$1:\n').replace(INLINE_STARTER, '\n');
  }
  s = s.replace(/(?<=[a-z)%\]]|[A-Z]{2})([.!?;])(?=[A-Z(][a-z])/g, '$1\n');
  // A run-on skills grid: "Data Migration 3+ years Data Conversion 3+ years Oracle 2-3 years".
  s = s.replace(
    /(?<=\d\s*\+?\s*(?:years?|yrs))\s+(?=\p{Lu}[\p{L}/-]*(?:\s+[\p{L}/&-]+){0,4}\s+\d+\s*(?:\+|-|–|to)?\s*\d*\s*\+?\s*(?:years?|yrs)\b)/gu,
    '\n',
  );
  s = s.replace(/(?<=[a-z)])([.!?;])(?=\d+\s*(\+|-|–|to)?\s*\d*\s*\+?\s*(years?|yrs))/gi, '$1\n');
  s = s.replace(/\S+/g, (token) => {
    const bare = token.replace(/[^\p{L}'’]/gu, '').toLowerCase();
    if (names.has(bare) || CAMEL_WORDS.has(bare)) return token;
    const names2 = gluedNames(token, names);
    if (names2) return names2;
    // "…or CHands on experience", "Python, RExperience in…": a capital run glued to a requirement opener.
    token = token.replace(/(?<=\p{Lu})(?=(\p{Lu}\p{Ll}+))/gu, (_m, right: string) =>
      STARTERS.has(right.toLowerCase()) || HEADING_WORDS.has(right.toLowerCase()) ? '\n' : '',
    );
    return token.replace(/(\p{Ll}+)(?=(\p{Lu}[\p{Ll}'’]+))/gu, (left, _l, right: string, offset: number) => {
      const leftWord = (token.slice(0, offset).match(/\p{L}*$/u)?.[0] ?? '') + left;
      const l = leftWord.toLowerCase();
      const r = right.toLowerCase();
      if (names.has(l + r) || CAMEL_WORDS.has(l + r)) return left;
      if (leftWord.length < 3 && !HEADING_WORDS.has(l)) return left;
      return HEADING_WORDS.has(l) || STARTERS.has(r) ? `${left}\n` : left;
    });
  });
  return s.split('\n');
}

/** "RPython", "SQLTableau": two names of the vocabulary glued together read as two. */
function gluedNames(token: string, names: ReadonlySet<string>): string | null {
  const m = /^(\p{L}{3,})([,.;:)]*)$/u.exec(token);
  if (!m) return null;
  const word = m[1]!;
  for (let i = 1; i < word.length - 1; i++) {
    const upper = /\p{Lu}/u.test(word[i]!);
    if (!upper || !(/\p{Ll}/u.test(word[i - 1]!) || /\p{Ll}/u.test(word[i + 1]!))) continue;
    const left = word.slice(0, i);
    const right = word.slice(i);
    // A zero-width space keeps the ad's words as written while the two names read apart.
    if (names.has(left.toLowerCase()) && names.has(right.toLowerCase()))
      return `${left}\u200B${right}${m[2]}`;
  }
  return null;
}

function splitBullets(line: string): { text: string; bullet: boolean }[] {
  const out: { text: string; bullet: boolean }[] = [];
  // Markers that only a list uses: •, ▪, ✓ …
  const parts = line.split(BULLET);
  const startsWithBullet = BULLET.test(line.slice(0, 3)) || /^\s*[-–]\s+/.test(line);
  parts.forEach((part, i) => {
    // Dashes and numbers make a list only when the line has several of them.
    let pieces = [part];
    // Two dashes inside a sentence set off an aside ("tools - SQL, R - but…"); a list starts with one or has more.
    const dashes = (part.match(/(?:^|\s)[-–]\s+(?=\S)/g) ?? []).length;
    if (dashes >= 3 || (dashes === 2 && /^\s*[-–]\s/.test(part)))
      pieces = part.split(/(?:^|\s)[-–]\s+(?=\S)/);
    else if ((part.match(/(?:^|\s)\(?\d{1,2}[.)]\s+(?=\p{Lu})/gu) ?? []).length >= 2)
      pieces = part.split(/(?:^|\s)\(?\d{1,2}[.)]\s+(?=\p{Lu})/u);
    if (pieces.length === 1) pieces = [part.replace(/^\s*\(?\d{1,2}[.)]\s+(?=\S)/u, '')];
    pieces.forEach((p, j) => {
      const text = p
        .replace(/^\s*[-–]\s+/, '')
        .replace(/^\s*\(?\d{1,2}[.)]\s+(?=\p{Lu})/u, '')
        .trim();
      if (text !== '') out.push({ text, bullet: i > 0 || j > 0 || (i === 0 && startsWithBullet) });
    });
  });
  return out;
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?;]\s+(?=[\p{Lu}(“"0-9])/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const candidate = text.slice(start, m.index + 1);
    if (ABBREVIATIONS.test(candidate.trim())) continue;
    out.push(candidate);
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const NICE_HEADING =
  /\b(hopes|wish ?list|(even )?more impressed|impress us|extra points|bonus points|would love|ideal for someone|prefer\w*|nice[- ]to[- ]haves?|bonus|pluses|plus points?|desir\w*|ideally|additional (skills|qualifications)|would be (great|nice|a plus)|extra credit|good[- ]to[- ]haves?|not required|advantage|optional|even better|stand out|set you apart|great if)\b|\bplus\b/i;
const REQ_HEADING =
  /\b(requirements?|qualifications?|skills|what you('ll)? (bring|have|need)|what we('re| are) looking for|who you are|about you|you have|must[- ]haves?|profile|looking for|experience|education|competenc\w*|knowledge|background|ideal candidate|expertise|you are|you'll bring|abilities|technical|need to succeed|you should have|we need|your toolkit|what's required|what is required|we require|required|minimum|basic|you('ll| will)? need|the (individual|person|candidate)|must (currently )?(have|possess)|possess)\b/i;
const RESP_HEADING =
  /\b(responsibilit|what will you (do|work on)|who will you work with|what you('ll| will) (do|work on|be doing)|the role|your role|role description|duties|day[- ]to[- ]day|the job|your impact|you will|tasks|mission|accountabilit|position summary|job description|overview|about the (role|job|position|opportunity)|in this role|what you'll achieve|key result)/i;
const OTHER_HEADING =
  /^the [\w&.'’-]+ way$|^(why\b|about (?!.*\b(role|job|position|opportunity|you|requirements?|responsibilit\w*|qualifications?|skills)\b))|\b(company overview|values|culture|the team$|diversity|inclusion|seniority level|employment type|job function|industries|job type|work location|contract length|contract renewal|posting date|primary location|job level|schedule|additional compensation|this company describes its culture|best regards|kind regards|regards|sincerely|thanks|salary|pay|duration|start date|interview process|about (us|the company|the team|our)|benefits?|perks|we offer|what we offer|compensation|salary|equal (opportunit|employment)|diversity|eeo|how to apply|location|why (join|work)|our (culture|values|team|story)|who we are|life at|pay range|hiring process|privacy|disclaimer|company description|additional information|application process|interview process)\b/i;

export function sectionOf(heading: string): Section | null {
  const h = heading.toLowerCase();
  if (OTHER_HEADING.test(h)) return 'other';
  if (/\bideal candidate\b/.test(h) && !/\bideally\b/.test(h)) return 'requirements';
  if (NICE_HEADING.test(h)) return 'nice';
  if (REQ_HEADING.test(h)) return 'requirements';
  if (RESP_HEADING.test(h)) return 'responsibilities';
  return null;
}

/** A line that is a heading: short, ends with a colon or is title-like, and names a section or is set apart. */
/** Fields of a posting page ("Position: Data Scientist"), not section headings. */
const FIELD =
  /^(position|note|role|job title|title|job id|id|status|company|lab|reference|location|duration|salary|job type|start date|contact|phone|e-?mail|department|team|openings?|open positions|reports? to)$/i;

function headingOf(
  text: string,
  names: ReadonlySet<string> = new Set(),
): { heading: string; rest: string; field?: boolean } | null {
  const colon = /^([^:.!?]{2,70}?)\s*:\s*(.*)$/.exec(text);
  // "Experience with ETL tools (ex: Informatica…)" and "…such as: SQL" lead examples, not sections.
  const opensExample =
    colon !== null &&
    (colon[1]!.split('(').length > colon[1]!.split(')').length ||
      /\b(ex|e\.?g|i\.?e|such as|including|like|incl)$/i.test(colon[1]!.trim()));
  if (colon && !opensExample) {
    const head = colon[1]!.trim();
    if (FIELD.test(head) && colon[2]!.trim() !== '')
      return { heading: head, rest: colon[2]!.trim(), field: true };
    const words = head.split(/\s+/).length;
    if (
      (words <= 8 || (words <= 12 && sectionOf(head) !== null)) &&
      (colon[2]!.trim() === '' || sectionOf(head) !== null)
    )
      return { heading: head, rest: colon[2]!.trim() };
  }
  if (/^(best |kind |warm )?regards,?$|^(thanks|thank you|sincerely|cheers),?$/i.test(text.trim()))
    return { heading: text.trim(), rest: '' };
  const words = text.split(/\s+/).length;
  // A short line in capitals is a heading even when it names no known section.
  if (words <= 8 && /\p{Lu}{3}/u.test(text) && text === text.toUpperCase() && !/[.,;!)]$/.test(text))
    return { heading: text.trim(), rest: '' };
  // Page fields in any case: "Seniority level", "Employment type".
  if (words <= 4 && !/[.,;!)]$/.test(text) && sectionOf(text) === 'other' && /^\p{Lu}/u.test(text))
    return { heading: text.trim(), rest: '' };
  const titleLike = text
    .split(/\s+/)
    .every(
      (w) =>
        /^[\p{Lu}\d&(]/u.test(w) ||
        /^(to|of|a|an|the|and|or|for|in|on|at|we|you|your|our|is|are|have|do)$/.test(w),
    );
  // "Experience in MLOps" is a requirement, not a heading.
  const namesSkill = text
    .split(/\s+/)
    .some((w) => w.length > 1 && names.has(w.replace(/[^\p{L}'’]/gu, '').toLowerCase()));
  if (
    words <= 8 &&
    !namesSkill &&
    titleLike &&
    !/[.,;!)]$/.test(text) &&
    sectionOf(text) !== null &&
    /^\p{Lu}/u.test(text)
  )
    return { heading: text.trim(), rest: '' };
  return null;
}

/** Every segment of an ad, in order, with the section each sits in. */
export function splitAd(text: string, names: ReadonlySet<string> = new Set()): Segment[] {
  const segments: Segment[] = [];
  let section: Section = 'none';
  for (const { text: rawLine, line } of unwrap(text)) {
    for (const glued of unglue(rawLine, names)) {
      for (const piece of splitBullets(glued)) {
        for (const sentence of splitSentences(piece.text)) {
          const head = headingOf(sentence, names);
          if (!head) {
            segments.push({ text: sentence, line, section, heading: false, bullet: piece.bullet });
            continue;
          }
          const s = sectionOf(head.heading);
          // "Location: Chicago" is a field of the page, not the start of a section.
          if (head.rest !== '' && (s === 'other' || head.field)) {
            segments.push({ text: head.heading, line, section: 'other', heading: true, bullet: false });
            segments.push({ text: head.rest, line, section: 'other', heading: false, bullet: piece.bullet });
            continue;
          }
          section = s ?? (section === 'other' ? 'none' : section);
          segments.push({ text: head.heading, line, section, heading: true, bullet: false });
          // "5+ years of experience in analytics and machine learning:" leads a list and asks something itself.
          if (
            head.rest === '' &&
            /\d/.test(head.heading) &&
            /\b(experience|knowledge|proficien\w*|familiar\w*)\b/i.test(head.heading)
          )
            segments.push({ text: head.heading, line, section, heading: false, bullet: piece.bullet });
          if (head.rest !== '')
            segments.push({ text: head.rest, line, section, heading: false, bullet: piece.bullet });
        }
      }
    }
  }
  return segments;
}

const OPEN_END =
  /(?:[,–—-]|\b(?:a|an|the|and|or|of|in|on|with|to|for|as|such as|including|from|by|our|your))$/i;

/**
 * Lines of the text with hard-wrapped sentences joined: a line that goes on with a lower-case word
 * (" of relevant experience"), or that follows a line left open ("…languages –"), continues the
 * sentence above it, across blank lines. A list item never continues anything.
 */
function unwrap(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let last: { text: string; line: number } | null = null;
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const body = raw.trim();
    const prev = last?.text.trimEnd() ?? '';
    const indented = /^[ \t]/.test(raw);
    const listItem = new RegExp(`^[${BULLET_CHARS}]|^[-–]\\s|^\\(?\\d{1,2}[.)]\\s`, 'u').test(body);
    const open = prev !== '' && !/[.!?:;)]$/.test(prev);
    const continues =
      last !== null &&
      open &&
      !listItem &&
      ((indented && (/^\p{Ll}/u.test(body) || OPEN_END.test(prev))) ||
        (prev.length >= 60 && /^\p{Ll}/u.test(body)));
    if (continues && last) last.text = `${prev} ${body}`;
    else {
      last = { text: raw, line: index + 1 };
      out.push(last);
    }
  });
  return out;
}
