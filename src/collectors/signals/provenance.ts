import type { TreeFile } from '../tree/types.js';
import { excerpt, linesOf, type TextSource, where } from './text-sources.js';
import type { SignalsFacts } from './types.js';

type Provenance = SignalsFacts['provenance'][number];

/** Sentences that say the candidate gathered the data. */
const OWN_PATTERNS: RegExp[] = [
  /\b(scraped|crawled|harvested)\b/i,
  /\b(collected|gathered|pulled|fetched|retrieved|queried|streamed|logged|recorded|measured)\s+(?:[\w-]+\s+){0,6}?(from|via|using|with|through)\b/i,
  /\b(?:via|using|through|from|with)\s+the\s+[\w .&-]{1,40}?\bAPI\b/i,
  /\b(?:I|we)\s+(surveyed|interviewed|scraped|collected|recorded|measured|logged|gathered|built|assembled|compiled|labell?ed|annotated)\b/i,
  /\b(survey|questionnaire|google forms?|typeform)\b.*\b(respond|responses|respondents|participants)\b/i,
  /\bown\s+(?:data\s*set|dataset|data)\b/i,
  /\b(?:my|our)\s+(?:own\s+)?(?:google takeout|apple health|strava|fitbit|garmin|spotify (?:streaming |listening )?history|bank (?:statements?|transactions?|exports?)|(?:credit card|bank) transactions)\b/i,
  /\b(?:exported|downloaded|requested)\s+(?:my|our)\s+(?:own\s+)?(?:data|records|history|activities|transactions)\b/i,
];

/** Sentences that name a source without saying how it was gathered. */
const SOURCE_PATTERNS: RegExp[] = [
  /\bdata\s*(?:set\s*)?(?:source|sources|provenance|origin|collection)\s*[:\-–—]/i,
  /\b(?:data|dataset|data set)\s+(?:comes?|came|was taken|is taken|was obtained|is obtained|was downloaded|is downloaded)\s+from\b/i,
  /\b(?:downloaded|obtained|sourced)\s+from\b/i,
];

/** Hosts of ready-made data sets: naming them is provenance, but not the candidate's own collection. */
const STOCK_HOSTS =
  /\b(kaggle|uci|machine learning repository|sklearn|scikit-learn|seaborn|tensorflow datasets|tfds|torchvision\.datasets|keras\.datasets|openml|course|bootcamp|coursera|udacity|datacamp)\b/i;

/** Names of scripts and folders that collect data. */
const COLLECTION_SCRIPT =
  /(^|\/)(scrap(e|er|ers|ing)[\w-]*|crawl(er|ers|ing)?[\w-]*|spiders?|collect(or|ors|ion)?[\w-]*|harvest[\w-]*|fetch_[\w-]+|get_data|survey[\w-]*)(\.py|\.ipynb|\/)/i;

/** Script names that say scraping by themselves; `get_data.py` or `fetch_x.py` may only download a stock file. */
const SCRAPER_NAME =
  /(^|\/)(scrap(e|er|ers|ing)[\w-]*|crawl(er|ers|ing)?[\w-]*|spiders?|harvest[\w-]*|survey[\w-]*)(\.py|\.ipynb|\/)/i;

export function findProvenance(
  sources: readonly TextSource[],
  tree: readonly TreeFile[],
  /** Files where collection code was found: a generic collection-script name counts only there. */
  collecting: ReadonlySet<string> = new Set(),
): Provenance[] {
  const out: Provenance[] = [];
  for (const source of sources) {
    if (source.kind === 'code-cell') continue;
    for (const { text, line } of linesOf(source)) {
      if (text.trim().length < 8 || /^\s*```/.test(text)) continue;
      const own = OWN_PATTERNS.some((p) => p.test(text));
      const named = own || SOURCE_PATTERNS.some((p) => p.test(text));
      if (!named) continue;
      out.push({
        text: excerpt(text),
        ownCollection: own && !STOCK_HOSTS.test(text),
        ...where(source, line),
      });
    }
  }
  const scripts = new Set<string>();
  for (const file of tree) {
    if (file.kind !== 'python' && file.kind !== 'notebook') continue;
    const match = COLLECTION_SCRIPT.exec(file.path);
    if (!match) continue;
    const path = match[0].endsWith('/')
      ? file.path.slice(0, match.index + match[0].length - 1).replace(/^\//, '')
      : file.path;
    if (scripts.has(path)) continue;
    scripts.add(path);
    const own = SCRAPER_NAME.test(file.path) || collecting.has(file.path);
    out.push({ text: `collection script ${path}`, ownCollection: own, file: path });
  }
  return out;
}
