import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cohortHref, cohortParams, DEFAULT_QUERY, parseCohortQuery } from './query.js';

const parse = (s: string) => parseCohortQuery(new URLSearchParams(s));

describe('cohort query in the URL', () => {
  it('defaults to every repository, best score first, 50 a page', () => {
    assert.deepEqual(parse(''), DEFAULT_QUERY);
    assert.equal(cohortHref('/cohort', DEFAULT_QUERY), '/cohort');
  });

  it('reads every filter and writes it back unchanged', () => {
    const s =
      'tag=spring-2026&q=bike&principle=own-data&below=4&flags=1&dataset=titanic&band=low&route=herd&sort=principle%3Arunnable&dir=asc&size=100&page=3';
    const q = parse(s);
    assert.deepEqual(q, {
      tag: 'spring-2026',
      search: 'bike',
      below: { principle: 'own-data', score: 4 },
      redFlags: true,
      dataset: 'titanic',
      band: 'low',
      route: 'herd',
      sort: 'principle',
      sortPrinciple: 'runnable',
      dir: 'asc',
      pageSize: 100,
      page: 3,
    });
    assert.deepEqual(parse(cohortParams(q).toString()), q);
  });

  it('drops what does not parse instead of failing', () => {
    const q = parse(
      'principle=nope&below=5&band=huge&sort=principle:nope&dir=sideways&page=-2&size=100000&flags=yes&tag=%20%20',
    );
    assert.deepEqual(q, DEFAULT_QUERY);
    assert.equal(parse('principle=own-data&below=11').below, null);
    assert.equal(parse('sort=name').dir, 'asc', 'names read A to Z by default');
  });

  it('caps free text', () => {
    assert.equal(parse(`q=${'x'.repeat(500)}`).search?.length, 200);
  });
});
