import { defineCheck } from '../types.js';
import { firstEvidence, listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG101',
  name: 'no-own-data-collection',
  title: 'Collects its own data',
  principle: 'own-data',
  severity: 'high',
  status: 'preview',
  needs: ['signals', 'python'],
  messages: {
    none: 'No code collects data (scraping, an API, a database, sensors, a survey) and nothing says the data was gathered by you.',
    collects: 'Collects its own data with {{libraries}}.',
    documented: 'The data was gathered by the author: {{text}}',
  },
  options: {},
  advice:
    'Collect data of your own (scrape a site, call an API, log a sensor, run a survey) instead of downloading a ready-made set.',
  docs: {
    what: 'Looks for data-collection code in the repository (requests with BeautifulSoup, Scrapy, Selenium, API clients such as tweepy or spotipy, database drivers, serial sensors, survey exports) and for sentences or scripts that say the author gathered the data.',
    why: 'Everyone can download the same Kaggle file. A hiring manager remembers the candidate who went and got data nobody else had, because that is most of the real job: finding, collecting and cleaning data before any model is trained.',
    fix: 'Find a question where the data is not in a ready-made file: scrape it politely, call a public API, log a sensor, or run a small survey. Commit the collection script and say in the README what you collected, when and how.',
    limitations:
      'Sees Python code and prose only; data collected by hand, in a spreadsheet or with another language is missed unless the README says so. A download from Kaggle, UCI or a stock URL does not count. Not applicable to a repository with no Python code or notebooks.',
  },
  run({ facts: { signals, python }, fail, pass, notApplicable }) {
    if (python.files.length === 0) return notApplicable('no Python code or notebooks to judge');
    if (signals.collection.length > 0) {
      return pass(
        'collects',
        { libraries: listOf(signals.collection.map((c) => `${c.library} (${c.kind})`)) },
        firstEvidence(signals.collection, (c) => `${c.library}: ${c.kind}`),
      );
    }
    const own = signals.provenance.filter((p) => p.ownCollection);
    if (own.length > 0) {
      return pass(
        'documented',
        { text: own[0]!.text },
        firstEvidence(own, (p) => p.text),
      );
    }
    fail('none');
  },
});
