import { dataCollection } from '../../engine/route-facts.js';
import { PLAIN_HTTP } from '../../scoring/route.js';
import { clip } from '../quote.js';
import { defineCheck } from '../types.js';
import { firstEvidence, listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG101',
  name: 'no-own-data-collection',
  title: 'Collects its own data',
  principle: 'own-data',
  severity: 'high',
  status: 'preview',
  needs: ['signals', 'python', 'herd'],
  messages: {
    none: 'No code collects data (scraping, an API, a database, sensors, a survey) and nothing says the data was gathered by you.',
    collects: 'Collects its own data with {{libraries}}.',
    documented: 'The data was gathered by the author: {{text}}',
    publicData:
      'No code collects data and nothing says the data was gathered by you; public data serves a question of its own (half credit).',
  },
  options: {},
  advice:
    'Collect data of your own (scrape a site, call an API, log a sensor, run a survey) instead of downloading a ready-made set.',
  docs: {
    what: 'Looks for data-collection code in the repository (requests with BeautifulSoup, Scrapy, Selenium, API clients such as tweepy or spotipy, database drivers, serial sensors, survey exports) and for sentences or scripts that say the author gathered the data.',
    why: 'Everyone can download the same Kaggle file. A hiring manager remembers the candidate who went and got data nobody else had, because that is most of the real job: finding, collecting and cleaning data before any model is trained.',
    fix: 'Find a question where the data is not in a ready-made file: scrape it politely, call a public API, log a sensor, or run a small survey. Commit the collection script and say in the README what you collected, when and how.',
    limitations:
      "Counts what the published customData fact counts (docs/facts.md): collection code in Python or R and sentences that say the author gathered the data; a database driver alone stores data, a course capstone's guided API or scraping lab is the course's, and on the herd route a plain HTTP client beside the stock data most likely downloads it. Data collected by hand or in a spreadsheet is missed unless the README says so. Not applicable to a repository with no Python code or notebooks unless it collects data. Routes are alternatives (docs/adr/0009-routes.md, 0017): not applicable on the replication route (the paper's data is expected) and the tool route (the tool is the contribution); on the original-question route a project that states its question but has no own data fails with half credit, which is not a red flag, and own data is a bonus there.",
  },
  routeAdvice: {
    'original-question':
      'Join a second source to the public data (an API, a scrape, records you keep) so the answer rests on data nobody else has.',
  },
  run({ facts: { signals, python, herd }, route, fail, pass, notApplicable, credit }) {
    // The counted collection the published `customData` fact reads (docs/facts.md): a database
    // driver stores data and a capstone's guided lab is the course's; on the herd route a plain
    // HTTP client beside the stock data most likely downloads it (as the route decides).
    const sites = dataCollection(signals, herd).filter(
      (c) => c.counted && !(route.id === 'herd' && PLAIN_HTTP.has(c.method)),
    );
    if (sites.length > 0) {
      return pass(
        'collects',
        { libraries: listOf(sites.map((c) => `${c.method} (${c.kind})`)) },
        firstEvidence(sites, (c) => `${c.method}: ${c.kind}`),
      );
    }
    const guided = herd.capstones.some((c) => c.role === 'flagship' && c.guidedCollection === true);
    if (python.files.length === 0 && route.id !== 'own-data')
      return notApplicable('no Python code or notebooks to judge');
    // A guided capstone's provenance sentences describe the course's collection.
    const own = guided ? [] : signals.provenance.filter((p) => p.ownCollection);
    if (own.length > 0) {
      return pass(
        'documented',
        { text: clip(own[0]!.text, 160) },
        firstEvidence(own, (p) => p.text),
      );
    }
    // Routes are alternatives (docs/adr/0009-routes.md): own data is not asked of every project.
    if (route.id === 'replication') {
      return notApplicable("replication route: a replication uses the paper's data on purpose");
    }
    if (route.id === 'tool-pipeline')
      return notApplicable('tool route: judged on the tool it builds, not on data it collects');
    if (route.id === 'original-question' && route.questionStated) {
      credit(0.5);
      return fail('publicData');
    }
    fail('none');
  },
});
