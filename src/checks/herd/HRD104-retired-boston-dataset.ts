import { defineCheck } from '../types.js';
import { toEvidence } from './evidence.js';

export default defineCheck({
  code: 'HRD104',
  name: 'retired-boston-dataset',
  title: 'No retired Boston Housing data',
  principle: 'original-problem',
  severity: 'medium',
  status: 'preview',
  needs: ['herd'],
  options: {},
  messages: {
    boston:
      'Uses the Boston Housing data, which scikit-learn removed (1.2) over an ethically problematic variable',
    none: 'Boston Housing data not used',
  },
  advice:
    'Replace the Boston Housing data; if you need a housing example, use your own city’s listings or the Ames data.',
  docs: {
    what: 'Finds the Boston Housing data set (`load_boston`, `boston_housing.load_data`, its CRIM…MEDV header) anywhere in the project.',
    why: 'scikit-learn removed `load_boston` in version 1.2 because one column encodes a racist assumption. A reviewer who sees it concludes the project copies an old tutorial without reading its data — the opposite of the judgement a data scientist is hired for.',
    fix: 'Drop the data set. If the point is a regression example, use data you gathered yourself, or at least the Ames or California housing data, and say why in the README.',
    limitations:
      'Recognises the usual file names, loaders and header; a renamed copy with different columns is not found.',
  },
  run({ facts, fail, pass }) {
    const boston = facts.herd.stockDatasets.find((d) => d.id === 'boston');
    if (boston) fail('boston', {}, toEvidence(boston));
    else pass('none');
  },
});
