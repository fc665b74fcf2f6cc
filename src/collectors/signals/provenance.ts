import type { TreeFile } from '../tree/types.js';
import { findReplicationPhrases, PACKAGE_WORDS, THIRD_PARTY } from './papers.js';
import { excerpt, linesOf, type TextSource, where } from './text-sources.js';
import type { SignalsFacts } from './types.js';

type Provenance = SignalsFacts['provenance'][number];

/** Words for the data gathered: a gathering verb says nothing about data without one ("logged to MLflow"). */
const DATA_NOUN =
  /\b(data|dataset|datasets|records?|listings?|tweets?|posts?|reviews?|comments?|articles?|prices?|quotes?|readings?|measurements?|observations?|responses?|samples?|images?|photos?|videos?|songs?|tracks?|playlists?|lyrics|games?|matches?|transactions?|histor(?:y|ies)|statistics|stats|time series|series|features?|information|metadata|texts?|corpus|headlines?|jobs?|ads?|vacancies|properties|pages?)\b/i;
/** An instrument of collection named after "via", "using", "through" or "with". */
const COLLECTION_TOOL =
  /\b(?:via|using|through|with|by)\s+(?:(?:the|a|an|my|our|its|their|custom|own|public|official|\w+'s)\s+)*[\w .&-]{0,40}?\b(APIs?|scrap(?:er|ers|ing)|crawl(?:er|ers|ing)|spiders?|selenium|playwright|beautiful\s*soup|bs4|requests|httr2?|rvest|scrapy|sensors?|devices?|surveys?|questionnaires?|forms?|webhooks?|RSS|feeds?)\b/i;

/** Sentences that say the candidate gathered the data. */
const OWN_PATTERNS: RegExp[] = [
  /\b(scraped|crawled)\b/i,
  /\bharvested\s+(?:\w+\s+){0,4}?(?:from|via|using|with|through)\b/i,
  /\b(?:I|we)\s+(?:have\s+|had\s+|then\s+|also\s+|first\s+)?(surveyed|interviewed|scraped|crawled|collected|recorded|measured|logged|gathered|harvested)\b/i,
  /\b(?:I|we)\s+(?:have\s+|had\s+|then\s+|also\s+|first\s+)?(built|assembled|compiled|labell?ed|annotated|created|constructed|curated|hand-labell?ed)\s+(?:(?:a|an|the|my|our|this|own|new|original|custom|small|large|unique)\s+)*(?:[\w-]+\s+){0,2}?(data\s*set|dataset|data|corpus|database|panel|collection|table)\b/i,
  /\b(survey|questionnaire|google forms?|typeform)\b.*\b(respond|responses|respondents|participants)\b/i,
  /(?<!\byour\s|\btheir\s)\bown\s+(?:data\s*set|dataset|data)\b/i,
  /\b(?:my|our)\s+(?:own\s+)?(?:google takeout|apple health|strava|fitbit|garmin|spotify (?:streaming |listening )?history|bank (?:statements?|transactions?|exports?)|(?:credit card|bank) transactions)\b/i,
  /\b(?:exported|downloaded|requested)\s+(?:my|our)\s+(?:own\s+)?(?:data|records|history|activities|transactions)\b/i,
];

/** An API named as where the data came from: "from the Spotify API", "via the MBTA v3 API". */
const FROM_API =
  /\b(?:[Ff]rom|[Vv]ia|[Uu]sing|[Tt]hrough)\s+(?:the\s+|its\s+|their\s+)?(?!(?:REST|Flask|FastAPI|Django|Web|Model|Backend|Prediction|Inference)\b)[A-Z][\w.&-]*(?:\s+[\w.&-]+){0,3}?\s+APIs?\b/;

/** Gathering verbs that count only with a data noun and a collection instrument in the same sentence. */
const GATHERED =
  /\b(collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|pull(?:s|ed|ing)?|fetch(?:es|ed|ing)?|retriev(?:es|ed|ing)|quer(?:ies|ied|ying)|stream(?:s|ed|ing)?|extract(?:s|ed|ing)?|download(?:s|ed|ing)?|obtain(?:s|ed|ing)?|acquir(?:es|ed|ing)|get(?:s|ting)?|GET|request(?:s|ed|ing)?|record(?:s|ed|ing)?|measur(?:es|ed|ing)|logg(?:ed|ing))\b/i;

/** A sentence in which the candidate says they gathered the data (see OWN_PATTERNS and GATHERED). */
export function saysOwnCollection(text: string): boolean {
  if (OWN_PATTERNS.some((p) => p.test(text))) return true;
  if (!GATHERED.test(text) || /\blogged\s+in\b/i.test(text)) return false;
  // "Fetches alerts from the MBTA API": an outside API named as the source is collection by itself.
  if (FROM_API.test(text)) return true;
  return DATA_NOUN.test(text) && COLLECTION_TOOL.test(text);
}

/** Sentences that name a source without saying how it was gathered. */
const SOURCE_PATTERNS: RegExp[] = [
  /\bdata\s*(?:set\s*)?(?:source|sources|provenance|origin|collection)\s*[:\-–—]/i,
  /\b(?:data|dataset|data set)\s+(?:comes?|came|was taken|is taken|was obtained|is obtained|was downloaded|is downloaded)\s+from\b/i,
  /\b(?:downloaded|obtained|sourced)\s+from\b/i,
];

/** "Data collected from the O*NET database": a source named, gathered by someone else. */
const NAMES_SOURCE =
  /\b(collected|gathered|pulled|fetched|retrieved|queried|obtained)\s+(?:[\w-]+\s+){0,6}?(from|via|using|through)\b/i;

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
      const own = saysOwnCollection(text);
      const named =
        own || SOURCE_PATTERNS.some((p) => p.test(text)) || (NAMES_SOURCE.test(text) && DATA_NOUN.test(text));
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
    // An empty file named scrape_x.py is a plan, not a scraper.
    if ((file.kind !== 'python' && file.kind !== 'notebook') || file.size === 0) continue;
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

/** Verbs of joining sources into a new dataset, and "data construction" as a stage. */
const ASSEMBLY =
  /\b(?:merg(?:e|es|ed|ing)|join(?:s|ed|ing)?|link(?:s|ed|ing)?|bridg(?:e|es|ed|ing)|combin(?:e|es|ed|ing)|concatenat(?:e|es|ed|ing)|construct(?:s|ed|ing)?|assembl(?:e|es|ed|ing))\b|\bdata\s+construction\b/i;
const ASSEMBLED_NOUN = /\b(data|datasets?|data sets?|series|panel|sources|records)\b/i;
/** "Codes to replicate results are in `Scripts/`": the study's own code for its results. */
const OWN_RESULTS =
  /\b(?:codes?|scripts?|programs?|files?|do-?files?|package|data and code|code and data)\s+(?:\w+\s+){0,2}?to\s+(?:replicate|reproduce)\s+(?:all\s+|the\s+|our\s+|its\s+)?(?:main\s+)?(?:results|figures|tables|estimates|findings|analysis|paper|study)\b/i;
/** Scripts whose name says they join or construct data (`Z01_merge_cjars_coal.R`, `bridging_klems.do`). */
const ASSEMBLY_SCRIPT =
  /(^|\/)[^/]*(merg(e|ing)|join(ing)?|bridg(e|ing)|construct(ion)?|concatenat(e|ion))[^/]*\.(r|do|py|ipynb|sas|jl|m)$|(^|\/)[^/]*data[_ -]?construction[^/]*\//i;

/**
 * A study's own package (its "replication package", "codes to replicate the results") that builds
 * its analysis data by joining sources: the authors assembled that dataset, so it is their own data
 * (docs/eval.md, customData). A package of someone else's study ("Card and Krueger (1994)
 * replication files") is not the project's own.
 */
export function findAssembledData(sources: readonly TextSource[], tree: readonly TreeFile[]): Provenance[] {
  // Re-doing someone else's study is a replication; its data is theirs.
  if (findReplicationPhrases(sources).length > 0) return [];
  let ownPackage = false;
  const sentences: Provenance[] = [];
  for (const source of sources) {
    if (source.kind === 'code-cell') continue;
    for (const { text, line } of linesOf(source)) {
      PACKAGE_WORDS.lastIndex = 0;
      if ((PACKAGE_WORDS.test(text) || OWN_RESULTS.test(text)) && !THIRD_PARTY.test(text)) ownPackage = true;
      if (sentences.length < 3 && ASSEMBLY.test(text) && ASSEMBLED_NOUN.test(text))
        sentences.push({ text: excerpt(text), ownCollection: true, ...where(source, line) });
    }
  }
  if (!ownPackage) return [];
  const scripts = tree
    .filter((f) => f.size > 0 && ASSEMBLY_SCRIPT.test(f.path))
    .slice(0, 3)
    .map((f) => ({ text: `data assembly script ${f.path}`, ownCollection: true, file: f.path }));
  return [...sentences, ...scripts];
}
