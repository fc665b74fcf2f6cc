import type { ScriptsScan } from '../scripts/scan.js';
import type { CollectionKind, SignalsFacts } from './types.js';

type Collection = SignalsFacts['collection'][number];

/** R packages whose job is gathering data from outside: scraping, web APIs, sensors, surveys. */
const R_COLLECTION: Record<string, CollectionKind> = {
  rvest: 'scraping',
  RSelenium: 'scraping',
  selenider: 'scraping',
  chromote: 'scraping',
  polite: 'scraping',
  httr: 'api',
  httr2: 'api',
  crul: 'api',
  rtweet: 'api',
  spotifyr: 'api',
  tuber: 'api',
  RedditExtractoR: 'api',
  gtrendsR: 'api',
  quantmod: 'api',
  tidyquant: 'api',
  riingo: 'api',
  Rfacebook: 'api',
  // Clients of outside services: each call queries someone else's API. Loaders of official
  // statistics (tidycensus, WDI, eurostat …) read a public database, as a download would.
  academictwitteR: 'api',
  geniusr: 'api',
  Rspotify: 'api',
  osmdata: 'api',
  rgbif: 'api',
  rebird: 'api',
  rentrez: 'api',
  biomaRt: 'api',
  disgenet2r: 'api',
  googleAnalyticsR: 'api',
  gh: 'api',
  redivis: 'api',
  googlesheets4: 'survey',
  qualtRics: 'survey',
  surveymonkey: 'survey',
  DBI: 'database',
  RPostgres: 'database',
  RMySQL: 'database',
  RSQLite: 'database',
  odbc: 'database',
  bigrquery: 'database',
};

/** Calls that fetch a URL in R (base, jsonlite, readr reading an API rather than a file). */
const R_FETCH = new Set([
  'fromJSON',
  'read_json',
  'GET',
  'POST',
  'request',
  'req_perform',
  'read_html',
  'url',
  'curl_fetch_memory',
]);
const OWN_OR_STOCK =
  /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0)(:\d+)?|^https?:\/\/([\w-]+\.)*(archive\.ics\.uci\.edu|kaggle\.com|raw\.githubusercontent\.com|openml\.org)\/|\.(csv|tsv|zip|gz|xlsx?|rds|rda|txt|json|geojson|parquet)(\?.*)?$/i;

/**
 * Collection in R code: a collection package loaded in a file that also fetches an outside URL
 * (`read_html("https://…")`, `GET("https://api…")`), or a package whose only job is collection.
 */
export function findRCollection(scan: ScriptsScan): Collection[] {
  const out: Collection[] = [];
  const seen = new Set<string>();
  const fetchedOutside = new Set(
    scan.calls
      .filter(
        (c) =>
          R_FETCH.has(c.callee) &&
          c.stringArgs[0] !== undefined &&
          /^https?:\/\//i.test(c.stringArgs[0]) &&
          !OWN_OR_STOCK.test(c.stringArgs[0]),
      )
      .map((c) => c.file),
  );
  for (const lib of scan.libraries) {
    const kind = R_COLLECTION[lib.name];
    if (!kind) continue;
    // httr and friends also download stock files; they count when the file fetches an outside API or page
    // or when the package is one whose only use is an outside service.
    const generic =
      lib.name === 'httr' ||
      lib.name === 'httr2' ||
      lib.name === 'crul' ||
      lib.name === 'rvest' ||
      lib.name === 'polite';
    if (
      generic &&
      !fetchedOutside.has(lib.file) &&
      !scan.calls.some(
        (c) =>
          c.file === lib.file &&
          (c.callee === 'html_nodes' ||
            c.callee === 'html_elements' ||
            c.callee === 'req_perform' ||
            c.callee === 'GET'),
      )
    )
      continue;
    const key = `${lib.name}\0${lib.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ library: lib.name, kind, file: lib.file, line: lib.line });
  }
  for (const call of scan.calls) {
    if (!(call.callee === 'fromJSON' || call.callee === 'read_json') || !fetchedOutside.has(call.file))
      continue;
    const url = call.stringArgs[0] ?? '';
    if (!/^https?:\/\//i.test(url) || OWN_OR_STOCK.test(url)) continue;
    const key = `jsonlite\0${call.file}`;
    if (seen.has(key) || out.some((c) => c.file === call.file)) continue;
    seen.add(key);
    out.push({ library: 'jsonlite', kind: 'api', file: call.file, line: call.line });
  }
  return out;
}
