import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRepo, collectOne } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import HRD101 from './HRD101-stock-dataset-flagship.js';
import HRD102 from './HRD102-course-capstone.js';
import HRD103 from './HRD103-overused-topic.js';

const TITANIC_HEADER =
  'PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n1,0,3,"Doe, Mr. John",male,22,1,0,A/5 21171,7.25,,S\n';

describe('herd checks on real repositories', () => {
  it('flags a one-notebook Titanic upload, with evidence from data and code', async () => {
    const dir = repo({
      'train.csv': TITANIC_HEADER,
      'Titanic.ipynb': notebook([
        md('# Titanic survival'),
        code("import pandas as pd\ndf = pd.read_csv('train.csv')\ndf.head()", { exec: 1 }),
      ]),
    });
    const herd = await collectOne(dir, 'herd');
    assert.equal(herd.stockDatasets[0]?.id, 'titanic');
    assert.equal(herd.stockDatasets[0]?.role, 'flagship');
    const files = herd.stockDatasets[0]!.evidence.map((e) => e.file);
    assert.ok(files.includes('train.csv'));
    assert.equal((await checkRepo(HRD101, dir)).outcome, 'fail');
    assert.equal((await checkRepo(HRD103, dir)).outcome, 'fail');
  });

  it('flags the Udacity disaster-response layout', async () => {
    const dir = repo({
      'data/disaster_messages.csv': 'id,message,original,genre\n2,Weather update,Un front froid,direct\n',
      'data/disaster_categories.csv': 'id,categories\n2,related-1;request-0\n',
      'data/process_data.py': 'import sys\n',
      'models/train_classifier.py': 'import sys\n',
    });
    const r = await checkRepo(HRD102, dir);
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]!.message, /Disaster Response/);
  });

  it('passes an own-data project that warms up on Iris in a tutorial folder', async () => {
    const dir = repo({
      'README.md': '# Bike-lane usage in Porto\n\nWe counted cyclists at 12 junctions for 8 weeks.\n',
      'data/counts.csv': 'junction,date,hour,cyclists\nA,2024-03-01,8,31\n',
      'analysis/usage.ipynb': notebook([
        code("import pandas as pd\npd.read_csv('../data/counts.csv')", { exec: 1 }),
      ]),
      'analysis/model.py': 'def fit(df):\n    return df.mean()\n',
      'tutorials/iris.ipynb': notebook([
        code('from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)', { exec: 1 }),
      ]),
    });
    const herd = await collectOne(dir, 'herd');
    assert.equal(herd.stockDatasets.find((d) => d.id === 'iris')?.role, 'secondary');
    assert.equal((await checkRepo(HRD101, dir)).outcome, 'pass');
    assert.equal((await checkRepo(HRD103, dir)).outcome, 'pass');
    assert.equal((await checkRepo(HRD102, dir)).outcome, 'pass');
  });
});
