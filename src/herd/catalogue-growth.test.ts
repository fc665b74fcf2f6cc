import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo } from '../../test/helpers/facts.js';
import { repo } from '../../test/helpers/repo.js';

describe('herd catalogue: data sets named one by one', () => {
  it('names each scikit-learn fetched data set, never a generic id', async () => {
    const dir = repo({
      'bench.py':
        'from sklearn.datasets import fetch_covtype, fetch_lfw_people, load_linnerud\n\nX, y = fetch_covtype(return_X_y=True)\nfaces = fetch_lfw_people(min_faces_per_person=70)\nlin = load_linnerud()\n',
    });
    const ids = (await analyseRepo(dir)).facts?.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(ids, ['covtype', 'lfw', 'linnerud']);
  });

  it('recognises credit-scoring benchmarks by their distribution file names and UCI addresses', async () => {
    const dir = repo({
      'data/raw/gc/german.data': 'A11 6 A34 A43 1169\n',
      'data/raw/hmeq/hmeq.csv':
        'BAD,LOAN,MORTDUE,VALUE,REASON,JOB,YOJ,DEROG,DELINQ,CLAGE,NINQ,CLNO,DEBTINC\n1,1100,25860,39025,HomeImp,Other,10.5,0,0,94.37,1,9,\n',
      'src/load.py':
        'import pandas as pd\n\nTAIWAN = "https://archive.ics.uci.edu/dataset/350/default+of+credit+card+clients"\nGMSC = "data/raw/gmc/cs-training.csv"\n',
    });
    const ids = (await analyseRepo(dir)).facts?.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(ids, ['german-credit', 'give-me-some-credit', 'hmeq', 'taiwan-credit-default']);
  });
});
