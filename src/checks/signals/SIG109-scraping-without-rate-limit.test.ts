import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG109-scraping-without-rate-limit.js';

const scraping = { library: 'requests+bs4', kind: 'scraping' as const, file: 'scrape.py', line: 7 };

describe('SIG109 scraping-without-rate-limit', () => {
  it('fails on a scraper that never pauses', () => {
    const result = checkFacts(check, { signals: signalsFacts({ collection: [scraping] }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: 'scrape.py', line: 7, note: 'requests+bs4' }]);
  });

  it('passes with time.sleep between requests', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        collection: [scraping],
        politeness: [{ via: 'time.sleep', file: 'scrape.py', line: 9 }],
      }),
    });
    assert.equal(result.outcome, 'pass');
  });

  it('passes with Scrapy, which throttles by default', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        collection: [{ library: 'scrapy', kind: 'scraping', file: 'spiders/a.py', line: 1 }],
      }),
    });
    assert.equal(result.outcome, 'pass');
  });

  it('is not applicable when only an API is called', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({ collection: [{ library: 'spotipy', kind: 'api', file: 'a.py', line: 1 }] }),
    });
    assert.equal(result.outcome, 'not-applicable');
  });
});
