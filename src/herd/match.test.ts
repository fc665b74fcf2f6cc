import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalogue } from './catalogue.js';
import { type HerdInput, headerMatch, matchHerd } from './match.js';

const catalogue = loadCatalogue();

function input(partial: Partial<HerdInput>): HerdInput {
  return {
    repoName: 'project',
    paths: [],
    dataFiles: [],
    calls: [],
    importsByFile: new Map(),
    strings: [],
    texts: [],
    analysisUnits: [],
    ...partial,
  };
}

const TITANIC = 'PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked'.split(',');

describe('headerMatch', () => {
  it('matches after trimming quotes and case-folding, ignoring index columns', () => {
    const cols = ['Unnamed: 0', ...TITANIC.map((c) => ` "${c.toUpperCase()}" `)];
    assert.equal(
      headerMatch(
        cols,
        TITANIC.map((c) => c.toLowerCase()),
        false,
      ),
      true,
    );
  });
  it('tolerates a dropped column but not a different table that shares a few names', () => {
    const fp = TITANIC.map((c) => c.toLowerCase());
    assert.equal(
      headerMatch(
        TITANIC.filter((c) => c !== 'Cabin'),
        fp,
        false,
      ),
      true,
    );
    assert.equal(headerMatch(['Name', 'Sex', 'Age', 'Salary', 'Dept', 'City'], fp, false), false);
  });
  it('does not let a handful of shared columns inside a wide table count', () => {
    const fp = TITANIC.map((c) => c.toLowerCase());
    const wide = [...TITANIC, ...Array.from({ length: 20 }, (_, i) => `feature_${i}`)];
    assert.equal(headerMatch(wide, fp, false), false);
    assert.equal(headerMatch(wide, fp, true), true);
  });
});

describe('matchHerd', () => {
  it('recognises Titanic from its header, as the flagship of a one-notebook repo', () => {
    const facts = matchHerd(
      input({
        paths: ['data/train.csv', 'titanic.ipynb'],
        dataFiles: [{ path: 'data/train.csv', columns: TITANIC }],
        analysisUnits: ['titanic.ipynb'],
      }),
      catalogue,
    );
    const titanic = facts.stockDatasets.find((d) => d.id === 'titanic');
    assert.ok(titanic, 'titanic detected');
    assert.ok(titanic.confidence >= 0.9);
    assert.equal(titanic.role, 'flagship');
    assert.ok(titanic.evidence.some((e) => e.signal === 'header' && e.file === 'data/train.csv'));
    assert.ok(facts.topics.some((t) => t.id === 'titanic-survival'));
  });

  it('treats a bare train.csv as too weak to call', () => {
    const facts = matchHerd(
      input({ paths: ['train.csv', 'test.csv'], dataFiles: [{ path: 'train.csv', columns: ['a', 'b'] }] }),
      catalogue,
    );
    assert.deepEqual(facts.stockDatasets, []);
  });

  it('recognises loader calls only with the right argument and module', () => {
    const facts = matchHerd(
      input({
        calls: [
          { callee: 'sns.load_dataset', stringArgs: ['iris'], stringKwargs: {}, file: 'a.py', line: 3 },
          { callee: 'tfds.load', stringArgs: ['mnist'], stringKwargs: {}, file: 'b.py', line: 7 },
          { callee: 'pd.load', stringArgs: ['cifar10'], stringKwargs: {}, file: 'c.py', line: 1 },
        ],
        importsByFile: new Map([
          ['a.py', new Set(['seaborn'])],
          ['b.py', new Set(['tensorflow_datasets'])],
          ['c.py', new Set(['pandas'])],
        ]),
        analysisUnits: ['a.py', 'b.py', 'c.py'],
      }),
      catalogue,
    );
    const ids = facts.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(ids, ['iris', 'mnist']);
    const iris = facts.stockDatasets.find((d) => d.id === 'iris')!;
    assert.deepEqual(iris.evidence[0], {
      file: 'a.py',
      line: 3,
      cell: undefined,
      signal: 'loader',
      detail: "sns.load_dataset('iris')",
      strength: 'strong',
    });
  });

  it('reads Kaggle input paths and download commands', () => {
    const facts = matchHerd(
      input({
        strings: [
          { value: '/kaggle/input/creditcardfraud/creditcard.csv', file: 'nb.ipynb', line: 2, cell: 1 },
        ],
        texts: [
          {
            file: 'nb.ipynb',
            kind: 'notebook-code',
            text: '!kaggle competitions download -c titanic',
            cell: 0,
            line: 1,
          },
        ],
        analysisUnits: ['nb.ipynb'],
      }),
      catalogue,
    );
    const ids = facts.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(ids, ['credit-card-fraud', 'titanic']);
    const cc = facts.stockDatasets.find((d) => d.id === 'credit-card-fraud')!;
    assert.ok(cc.evidence.some((e) => e.signal === 'kaggle' && e.cell === 1));
  });

  it('tells a teaching notebook on a stock dataset from a flagship', () => {
    const facts = matchHerd(
      input({
        paths: ['README.md', 'scraper/collect.py', 'analysis/rents.ipynb', 'tutorials/iris_warmup.ipynb'],
        calls: [
          {
            callee: 'load_iris',
            stringArgs: [],
            stringKwargs: {},
            file: 'tutorials/iris_warmup.ipynb',
            line: 1,
            cell: 0,
          },
        ],
        texts: [
          { file: 'README.md', kind: 'readme-title', text: 'Rents in Lisbon, scraped weekly', line: 1 },
        ],
        analysisUnits: ['scraper/collect.py', 'analysis/rents.ipynb', 'tutorials/iris_warmup.ipynb'],
      }),
      catalogue,
    );
    const iris = facts.stockDatasets.find((d) => d.id === 'iris');
    assert.ok(iris);
    assert.equal(iris.role, 'secondary');
    assert.equal(facts.topics.find((t) => t.id === 'iris-classification')?.role ?? 'secondary', 'secondary');
  });

  it('recognises the IBM SpaceX capstone and the Udacity disaster-response project', () => {
    const spacex = matchHerd(
      input({
        paths: ['jupyter-labs-spacex-data-collection-api.ipynb', 'dataset_part_2.csv'],
        texts: [
          {
            file: 'README.md',
            kind: 'readme-title',
            text: 'Applied Data Science Capstone: SpaceX Falcon 9',
            line: 1,
          },
        ],
      }),
      catalogue,
    );
    assert.equal(spacex.capstones[0]?.id, 'ibm-spacex-falcon9');
    const udacity = matchHerd(
      input({
        paths: [
          'data/disaster_messages.csv',
          'data/disaster_categories.csv',
          'data/process_data.py',
          'models/train_classifier.py',
        ],
      }),
      catalogue,
    );
    assert.equal(udacity.capstones[0]?.id, 'udacity-disaster-response');
    assert.ok(udacity.capstones[0]!.confidence >= 0.8);
  });

  it('needs more than a generic word to call a capstone', () => {
    const facts = matchHerd(
      input({
        texts: [
          {
            file: 'README.md',
            kind: 'readme',
            text: 'We use GRIP strength data from our own sensors.',
            line: 1,
          },
        ],
      }),
      catalogue,
    );
    assert.deepEqual(facts.capstones, []);
  });

  it('finds an overused topic in the README title', () => {
    const facts = matchHerd(
      input({
        texts: [
          { file: 'README.md', kind: 'readme-title', text: 'Stock Price Prediction with LSTM', line: 1 },
        ],
      }),
      catalogue,
    );
    assert.equal(facts.topics[0]?.id, 'stock-prediction');
    assert.equal(facts.topics[0]?.role, 'flagship');
  });
});

describe('matchHerd: false positives seen on real repositories', () => {
  it('matches folder layouts on whole path segments only', () => {
    const facts = matchHerd(
      input({
        strings: [{ value: 'You are halfway there: polish the docs', file: 'score.py', line: 108 }],
        paths: ['lfw_notes.md'],
      }),
      catalogue,
    );
    assert.deepEqual(facts.capstones, []);
  });

  it('calls a stock dataset the flagship when it is most of the tabular data, even without a README', () => {
    const facts = matchHerd(
      input({
        dataFiles: [
          { path: 'data/raw/titanic.csv', columns: TITANIC },
          { path: 'data/splits/train.csv', columns: TITANIC },
        ],
        analysisUnits: ['pipeline/train.py', 'pipeline/serve.py', 'infra/deploy.py', 'infra/monitor.py'],
      }),
      catalogue,
    );
    assert.equal(facts.stockDatasets[0]?.role, 'flagship');
  });
});
