import { defineCheck } from '../types.js';
import { percent, toEvidence } from './evidence.js';

export default defineCheck({
  code: 'HRD101',
  name: 'stock-dataset-flagship',
  title: 'The project is not built on a stock dataset',
  principle: 'original-problem',
  severity: 'high',
  status: 'preview',
  needs: ['herd'],
  options: { minConfidence: 0.6 },
  messages: {
    flagship: 'The project is built on {{name}} ({{confidence}} sure), known for the "{{task}}" exercise',
    secondary: 'Uses {{name}} only on the side, not as the main data',
    none: 'No stock dataset recognised',
    benchmark: "Uses {{name}} as the replicated paper's benchmark, which a replication is expected to",
  },
  advice:
    'Swap the stock dataset for data you collected or joined yourself, and say why the question matters.',
  docs: {
    what: 'Finds stock datasets (Titanic, Iris, MNIST, house prices, credit-card fraud, … — see the herd catalogue) by their file names, CSV headers, loader calls, Kaggle paths, download URLs and folder layouts, and fails when one of them is the project’s main data.',
    why: 'A hiring manager has seen the Titanic survival model hundreds of times; it shows you can follow a tutorial, not that you can frame a problem, find data and deal with its mess. Stock data also hides whether the results are yours: the answers are one search away.',
    fix: 'Pick a question you care about and collect or join data for it (scraping, an API, a survey, public records). If the stock dataset is a warm-up, move it to a folder such as `tutorials/` and make the README about your own project.',
    limitations:
      "A stock dataset used to teach a technique in a side notebook passes; the flagship call uses the README and the share of notebooks that load it. Renamed files with the original header are still found; data that is reshaped before it is committed may not be. A recognised paper replication passes: the paper's benchmark is expected there (docs/adr/0009-routes.md).",
  },
  run({ facts, options, route, fail, pass }) {
    const detections = facts.herd.stockDatasets.filter((d) => d.confidence >= options.minConfidence);
    // A replication runs on the paper's benchmark on purpose (docs/adr/0009-routes.md).
    if (route.id === 'replication') {
      for (const d of detections.filter((d) => d.role === 'flagship')) {
        pass('benchmark', { name: d.name }, toEvidence(d));
      }
      if (!detections.some((d) => d.role === 'flagship')) pass('none');
      return;
    }
    const flagships = detections.filter((d) => d.role === 'flagship');
    for (const d of flagships) {
      fail('flagship', { name: d.name, confidence: percent(d.confidence), task: d.detail }, toEvidence(d));
    }
    if (flagships.length > 0) return;
    for (const d of detections) pass('secondary', { name: d.name }, toEvidence(d));
    if (detections.length === 0) pass('none');
  },
});
