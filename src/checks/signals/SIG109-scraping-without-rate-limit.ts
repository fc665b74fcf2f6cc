import { defineCheck } from '../types.js';
import { firstEvidence } from './evidence.js';

/** Scraping frameworks that obey robots.txt and throttle by default. */
const POLITE_BY_DEFAULT = new Set(['scrapy']);

export default defineCheck({
  code: 'SIG109',
  name: 'scraping-without-rate-limit',
  title: 'Scrapes politely',
  principle: 'own-data',
  severity: 'low',
  status: 'preview',
  needs: ['signals'],
  messages: {
    impolite: 'Scrapes with {{library}} but never waits between requests or checks robots.txt.',
    polite: 'Scrapes with rate limiting or robots.txt handling ({{via}}).',
  },
  options: {},
  advice: 'Add a delay between requests (or a rate limiter) and check robots.txt in your scraper.',
  docs: {
    what: 'When the code scrapes web pages (requests/httpx with an HTML parser, Selenium, Playwright …), looks for a pause between requests (time.sleep, asyncio.sleep), a rate-limiting or retry library (ratelimit, backoff, tenacity, requests-cache) or a robots.txt parser. Scrapy counts as polite because it throttles and obeys robots.txt by default.',
    why: "A scraper that hammers a site can get an IP banned or break a site's terms of use. A hiring manager reading your collection code looks for judgement: a candidate who scrapes responsibly is one they can trust with production data sources.",
    fix: 'Sleep a second or two between requests (or use a rate limiter), honour robots.txt with urllib.robotparser, cache pages you already fetched, and set a descriptive User-Agent.',
    limitations:
      'Looks for the pause anywhere in the repository, not on the request path itself; a delay configured in settings files or by a proxy service is missed. Not applicable when nothing is scraped.',
  },
  run({ facts: { signals }, fail, pass, notApplicable }) {
    const scraping = signals.collection.filter((c) => c.kind === 'scraping');
    if (scraping.length === 0) return notApplicable('no scraping code found');
    const framework = scraping.find((c) => POLITE_BY_DEFAULT.has(c.library));
    if (framework)
      return pass(
        'polite',
        { via: `${framework.library} defaults` },
        firstEvidence([framework], (c) => c.library),
      );
    if (signals.politeness.length > 0) {
      return pass(
        'polite',
        { via: signals.politeness[0]!.via },
        firstEvidence(signals.politeness, (p) => p.via, 3),
      );
    }
    fail(
      'impolite',
      { library: scraping[0]!.library },
      firstEvidence(scraping, (c) => c.library, 3),
    );
  },
});
