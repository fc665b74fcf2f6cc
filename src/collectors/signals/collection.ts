import { at, calleeName, type FileCode, firstImport, importsModule } from './code-index.js';
import type { CollectionKind, SignalsFacts } from './types.js';

type Collection = SignalsFacts['collection'][number];

/** Libraries whose only job is gathering data from the outside world. */
const COLLECTION_LIBRARIES: Record<string, CollectionKind> = {
  scrapy: 'scraping',
  selenium: 'scraping',
  playwright: 'scraping',
  pyppeteer: 'scraping',
  mechanicalsoup: 'scraping',
  requests_html: 'scraping',
  newspaper: 'scraping',
  trafilatura: 'scraping',
  splinter: 'scraping',
  snscrape: 'scraping',
  instaloader: 'scraping',
  praw: 'api',
  tweepy: 'api',
  twython: 'api',
  spotipy: 'api',
  stravalib: 'api',
  googleapiclient: 'api',
  youtube_dl: 'api',
  yt_dlp: 'api',
  yfinance: 'api',
  pytrends: 'api',
  wikipedia: 'api',
  wikipediaapi: 'api',
  sodapy: 'api',
  fredapi: 'api',
  alpha_vantage: 'api',
  quandl: 'api',
  nasdaqdatalink: 'api',
  pandas_datareader: 'api',
  facebook: 'api',
  facebook_business: 'api',
  instagrapi: 'api',
  googlemaps: 'api',
  pyowm: 'api',
  newsapi: 'api',
  tmdbv3api: 'api',
  github: 'api',
  ccxt: 'api',
  tiingo: 'api',
  sqlalchemy: 'database',
  psycopg2: 'database',
  psycopg: 'database',
  pymysql: 'database',
  'mysql.connector': 'database',
  pymongo: 'database',
  cx_Oracle: 'database',
  oracledb: 'database',
  'snowflake.connector': 'database',
  'google.cloud.bigquery': 'database',
  redshift_connector: 'database',
  serial: 'sensor',
  'RPi.GPIO': 'sensor',
  gpiozero: 'sensor',
  smbus: 'sensor',
  smbus2: 'sensor',
  bleak: 'sensor',
  pyvisa: 'sensor',
  w1thermsensor: 'sensor',
  'paho.mqtt': 'sensor',
  typeform: 'survey',
  surveymonkey: 'survey',
  QualtricsAPI: 'survey',
  gspread: 'survey',
};

/** Parsers that turn fetched HTML into data; scraping only when the file also fetches pages. */
const HTML_PARSERS = ['bs4', 'lxml', 'parsel', 'selectolax', 'html5lib'];
const HTTP_CLIENTS = ['requests', 'httpx', 'urllib.request', 'urllib3', 'aiohttp'];
const HTTP_FETCH =
  /^(requests|httpx|session|sess)\.(get|post|request)$|^(urlopen|urllib\.request\.urlopen)$/i;

/** A URL that downloads a ready-made file is a stock download, not collection. */
const DATA_FILE_URL =
  /\.(csv|tsv|xlsx?|zip|gz|bz2|xz|tar|parquet|feather|json|jsonl|txt|data|arff|h5|npz|pkl)(\?.*)?$/i;

const API_URL = /\bapi\b|\/v\d+(\/|$)|graphql|\?/i;

/** The project's own service (a Streamlit or test client calling its FastAPI app), not an outside source. */
const OWN_SERVICE =
  /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal|backend|api|web|app)(:\d+)?(\/|$)/i;

/** Hosts that serve ready-made data sets: fetching from them downloads a stock file, it gathers nothing. */
const STOCK_DATA_HOST =
  /^https?:\/\/([\w-]+\.)*(archive\.ics\.uci\.edu|kaggle\.com|openml\.org|raw\.githubusercontent\.com|gist\.githubusercontent\.com|cf-courses-data\.s3\.us\.cloud-object-storage\.appdomain\.cloud|cocl\.us|storage\.googleapis\.com|s3\.amazonaws\.com|zenodo\.org|figshare\.com|data\.world|huggingface\.co\/datasets|download\.tensorflow\.org|yann\.lecun\.com|cs\.toronto\.edu)(\/|:|$)/i;

/** A host with no dot (`http://model:5000`, `http://db/`) is a service of the project's own compose setup. */
const INTERNAL_HOST = /^https?:\/\/[\w-]+(:\d+)?(\/|$)/i;
/** OAuth scopes are identifiers written as URLs (`https://www.googleapis.com/auth/cloud-platform`), not endpoints. */
const OAUTH_SCOPE = /^https?:\/\/www\.googleapis\.com\/auth\//i;

/** Copies and course exercises: a notebook checkpoint, a course's lesson or problem-set code. */
const NOT_OWN_CODE =
  /(^|\/)\.ipynb_checkpoints\/|(^|\/)(course[ _-]?materials?|lessons?(?:[ _-]?\d+[^/]*)?|exercises?[ _-]?\d+[^/]*|prob(?:lem)?[ _-]?sets?[^/]*)(\/|\.(py|ipynb)$)|(^|\/)lessons?[ _-]?\d+[^/]*\.(py|ipynb)$/i;

/** Front-end frameworks: their HTTP calls go to the project's own back end. */
const FRONT_ENDS = ['streamlit', 'gradio', 'dash', 'panel'];

/** Tests exercise the project's own code and service; they collect nothing. */
const TEST_FILE = /(^|\/)(tests?|testing)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.(py|ipynb)$/;

const JSON_PARSE = new Set(['json', 'loads', 'json_normalize', 'read_json']);

/** Adafruit CircuitPython and legacy Adafruit_* sensor drivers. */
const ADAFRUIT = /^adafruit/i;

/** Data-collection code in the candidate's own files: one entry per library and file (first use). */
export function findCollection(files: Iterable<FileCode>): Collection[] {
  const out: Collection[] = [];
  for (const code of files) {
    if (TEST_FILE.test(code.file) || NOT_OWN_CODE.test(code.file)) continue;
    // Where the file's URL literals all point at the project's own services (or are OAuth scopes), a
    // URL built in a variable goes there too.
    const urls = code.strings.map((s) => s.value).filter((v) => /^https?:\/\//i.test(v));
    const ownUrlsOnly =
      urls.length > 0 &&
      urls.every((u) => OWN_SERVICE.test(u) || INTERNAL_HOST.test(u) || OAUTH_SCOPE.test(u));
    const seen = new Set<string>();
    const add = (
      library: string,
      kind: CollectionKind,
      where: { file: string; line: number; cell?: number },
    ) => {
      if (seen.has(library)) return;
      seen.add(library);
      out.push({ library, kind, ...at(where) });
    };
    for (const [module, kind] of Object.entries(COLLECTION_LIBRARIES)) {
      const imp = firstImport(code, module);
      if (imp) add(module, kind, imp);
    }
    for (const imp of code.imports) if (ADAFRUIT.test(imp.top)) add(imp.top, 'sensor', imp);

    const fetches = code.calls.filter((c) => HTTP_FETCH.test(c.callee));
    const client = HTTP_CLIENTS.find((m) => importsModule(code, m));
    if (client) {
      for (const parser of HTML_PARSERS) {
        const imp = firstImport(code, parser);
        if (imp) add(`${client}+${parser}`, 'scraping', fetches[0] ?? imp);
      }
      const parsesJson = code.calls.some((c) => JSON_PARSE.has(calleeName(c.callee)));
      const frontEnd = FRONT_ENDS.some((m) => importsModule(code, m));
      const apiCall = fetches.find((c) => {
        const url = c.stringArgs[0] ?? c.stringKwargs.url;
        // A front end's call to a URL held in a variable is its own back end.
        if (url === undefined) return parsesJson && !frontEnd && !ownUrlsOnly;
        if (!/^https?:\/\//i.test(url) || DATA_FILE_URL.test(url)) return false;
        if (OWN_SERVICE.test(url) || INTERNAL_HOST.test(url) || STOCK_DATA_HOST.test(url)) return false;
        // `requests.get(url).json()` leaves no separate call in the facts; an API-shaped URL stands in for it.
        return parsesJson || API_URL.test(url);
      });
      if (apiCall && ![...seen].some((lib) => lib.includes('+'))) {
        add(client, 'api', apiCall);
      }
    }
  }
  return out;
}
