import { isPrincipleId } from '../principles.js';
import { type CohortQuery, SCORE_BANDS, type ScoreBand, SORT_KEYS, type SortKey } from './data.js';

/**
 * The cohort view lives in the query string, so every view is a URL someone can share. Parsing is
 * forgiving: a value that does not parse is dropped (the page shows every repository rather than an
 * error), and serialising writes only what differs from the defaults, so links stay short.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const MAX_TEXT = 200;

export const DEFAULT_QUERY: CohortQuery = {
  tag: null,
  sort: 'score',
  sortPrinciple: null,
  dir: 'desc',
  below: null,
  redFlags: false,
  dataset: null,
  band: null,
  route: null,
  search: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

function text(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim().slice(0, MAX_TEXT);
  return trimmed === '' ? null : trimmed;
}

function wholeNumber(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}

/** `sort=score`, `sort=principle:own-data`; the direction defaults to the one a reader expects. */
function parseSort(value: string | null): { sort: SortKey; sortPrinciple: CohortQuery['sortPrinciple'] } {
  const raw = text(value) ?? '';
  if (raw.startsWith('principle:')) {
    const id = raw.slice('principle:'.length);
    if (isPrincipleId(id)) return { sort: 'principle', sortPrinciple: id };
  } else if ((SORT_KEYS as readonly string[]).includes(raw) && raw !== 'principle') {
    return { sort: raw as SortKey, sortPrinciple: null };
  }
  return { sort: DEFAULT_QUERY.sort, sortPrinciple: null };
}

/** Names read best A→Z; numbers and dates best high/new first. */
export function defaultDir(sort: SortKey): 'asc' | 'desc' {
  return sort === 'name' ? 'asc' : 'desc';
}

export function parseCohortQuery(params: URLSearchParams): CohortQuery {
  const { sort, sortPrinciple } = parseSort(params.get('sort'));
  const dirParam = params.get('dir');
  const dir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDir(sort);
  const belowPrinciple = text(params.get('principle'));
  const belowScore = wholeNumber(params.get('below'), 1, 10);
  const band = text(params.get('band'));
  return {
    tag: text(params.get('tag')),
    sort,
    sortPrinciple,
    dir,
    below:
      belowPrinciple !== null && isPrincipleId(belowPrinciple) && belowScore !== null
        ? { principle: belowPrinciple, score: belowScore }
        : null,
    redFlags: params.get('flags') === '1',
    dataset: text(params.get('dataset')),
    band: band !== null && band in SCORE_BANDS ? (band as ScoreBand) : null,
    route: text(params.get('route')),
    search: text(params.get('q')),
    page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
    pageSize: wholeNumber(params.get('size'), 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}

function sortParam(q: Pick<CohortQuery, 'sort' | 'sortPrinciple'>): string {
  return q.sort === 'principle' && q.sortPrinciple !== null ? `principle:${q.sortPrinciple}` : q.sort;
}

/** The query as URL parameters, defaults left out; `page` only past the first. */
export function cohortParams(q: CohortQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.tag !== null) p.set('tag', q.tag);
  if (q.search !== null) p.set('q', q.search);
  if (q.below !== null) {
    p.set('principle', q.below.principle);
    p.set('below', String(q.below.score));
  }
  if (q.redFlags) p.set('flags', '1');
  if (q.dataset !== null) p.set('dataset', q.dataset);
  if (q.band !== null) p.set('band', q.band);
  if (q.route !== null) p.set('route', q.route);
  if (q.sort !== DEFAULT_QUERY.sort || q.sortPrinciple !== null) p.set('sort', sortParam(q));
  if (q.dir !== defaultDir(q.sort)) p.set('dir', q.dir);
  if (q.pageSize !== DEFAULT_PAGE_SIZE) p.set('size', String(q.pageSize));
  if (q.page > 1) p.set('page', String(q.page));
  return p;
}

/** A path with the query's parameters, e.g. `/cohort.csv?tag=spring`. */
export function cohortHref(path: string, q: CohortQuery): string {
  const s = cohortParams(q).toString();
  return s === '' ? path : `${path}?${s}`;
}

export { sortParam };
