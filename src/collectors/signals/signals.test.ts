import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectOne } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';

const SCRAPER = `import time
import requests
from bs4 import BeautifulSoup


def fetch(page):
    html = requests.get(f"https://listings.example.com/page/{page}").text
    time.sleep(2)
    return BeautifulSoup(html, "html.parser")
`;

const TITANIC = notebook([
  code('import pandas as pd\nimport seaborn as sns\nfrom sklearn.model_selection import train_test_split'),
  code("df = sns.load_dataset('titanic')\ndf.head()"),
  code('X_train, X_test, y_train, y_test = train_test_split(X, y)'),
  code(
    'from sklearn.linear_model import LogisticRegression\nmodel = LogisticRegression()\nmodel.fit(X_train, y_train)',
  ),
  code('from sklearn.metrics import accuracy_score\nprint(accuracy_score(y_test, model.predict(X_test)))'),
]);

describe('signals collector', () => {
  it('finds scraping code, its politeness and the README provenance of a scraping project', async () => {
    const dir = repo({
      'README.md':
        '# Rents in Lisbon\n\n## Data\n\nI scraped 12,000 listings from listings.example.com between March and May 2024.\n',
      'src/scrape_listings.py': SCRAPER,
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.collection.map((c) => [c.library, c.kind, c.file, c.line]),
      [['requests+bs4', 'scraping', 'src/scrape_listings.py', 7]],
    );
    const readme = signals.provenance.find((p) => p.file === 'README.md');
    assert.equal(readme?.line, 5);
    assert.equal(readme?.ownCollection, true);
    assert.ok(signals.provenance.some((p) => p.text === 'collection script src/scrape_listings.py'));
    assert.deepEqual(
      signals.politeness.map((p) => p.via),
      ['time.sleep'],
    );
    assert.deepEqual(signals.cookieCutterNotebooks, []);
  });

  it('calls a Titanic notebook cookie-cutter and finds no collection in it', async () => {
    const dir = repo({
      'README.md': '# Titanic\n\nThe data was downloaded from Kaggle.\n',
      'titanic.ipynb': TITANIC,
      'get_data.py': 'import requests\nrequests.get("https://example.com/data/titanic.csv")\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(signals.collection, []);
    assert.deepEqual(signals.cookieCutterNotebooks, [
      {
        file: 'titanic.ipynb',
        cell: 1,
        steps: [
          'load: sns.load_dataset',
          'inspect: df.head',
          'split: train_test_split',
          'fit: model.fit',
          'metric: accuracy_score',
        ],
      },
    ]);
    const kaggle = signals.provenance.find((p) => p.file === 'README.md');
    assert.equal(kaggle?.ownCollection, false);
    assert.deepEqual(signals.stack.map((s) => s.library).sort(), [
      'pandas',
      'requests',
      'scikit-learn',
      'seaborn',
    ]);
  });

  it('calls the barest upload cookie-cutter too: read_csv, fit, model.score', async () => {
    const nb = notebook([
      code('import pandas as pd\nfrom sklearn.linear_model import LogisticRegression'),
      code("df = pd.read_csv('train.csv')"),
      code('model = LogisticRegression()\nmodel.fit(X, y)\nprint(model.score(X, y))'),
    ]);
    const signals = await collectOne(repo({ 'Titanic.ipynb': nb }), 'signals');
    assert.deepEqual(signals.cookieCutterNotebooks[0]?.steps, [
      'load: pd.read_csv',
      'fit: model.fit',
      'metric: model.score',
    ]);
  });

  it('finds paper references, the replication claim and the comparison table', async () => {
    const dir = repo({
      'README.md': [
        '# LoRA on legal text',
        '',
        'We replicate the paper "LoRA: Low-Rank Adaptation" (arXiv:2106.09685v2) on Portuguese court rulings.',
        '',
        '| Task | Paper | Ours |',
        '| --- | --- | --- |',
        '| MNLI | 87.5 | 86.9 |',
        '',
        'Also see https://arxiv.org/abs/2106.09685 and https://doi.org/10.18653/v1/N19-1423.',
      ].join('\n'),
      'analysis.ipynb': notebook([
        md('Reproducing Table 2 of the paper; see https://openreview.net/forum?id=nZeVKeeFYf9'),
        code('# based on arXiv:1706.03762\nx = 1'),
      ]),
      'cite.py': 'PAPER = "https://arxiv.org/pdf/hep-th/9901001v1"\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.paperReferences.map((p) => [p.id, p.kind, p.file, p.line ?? null, p.cell ?? null]),
      [
        ['arXiv:2106.09685', 'arxiv', 'README.md', 3, null],
        ['10.18653/v1/n19-1423', 'doi', 'README.md', 9, null],
        ['openreview.net/forum?id=nzevkeefyf9', 'url', 'analysis.ipynb', 1, 0],
        ['arXiv:1706.03762', 'arxiv', 'analysis.ipynb', 1, 1],
        ['arXiv:hep-th/9901001', 'arxiv', 'cite.py', 1, null],
      ],
    );
    assert.deepEqual(
      signals.replicationPhrases.map((p) => [p.file, p.line]),
      [
        ['README.md', 3],
        ['analysis.ipynb', 1],
      ],
    );
    assert.deepEqual(
      signals.paperComparisons.map((p) => [p.file, p.line]),
      [['README.md', 5]],
    );
  });

  it('does not count the digits of a paper id as a comparison with the paper', async () => {
    const dir = repo({
      'README.md': '# LoRA\n\nWe replicate the paper (arXiv:2106.09685, doi 10.1000/182).\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.equal(signals.replicationPhrases.length, 1);
    assert.deepEqual(signals.paperComparisons, []);
  });

  it('does not take "to reproduce the results, run make" for a paper replication', async () => {
    const dir = repo({
      'README.md': '# Churn\n\nTo reproduce the results, run `make all` as the paper trail shows.\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(signals.replicationPhrases, []);
  });

  it('finds pretrained models, telling hosted APIs from local weights and random init from pretrained', async () => {
    const dir = repo({
      'train.py': [
        'import torchvision.models as models',
        'from tensorflow.keras.applications import ResNet50',
        'from transformers import AutoTokenizer, AutoModelForSequenceClassification, pipeline',
        'backbone = models.resnet50(',
        '    pretrained=True,',
        ')',
        'scratch = models.resnet18(weights=None)',
        'keras_scratch = ResNet50(weights=None)',
        'tok = AutoTokenizer.from_pretrained("distilbert-base-uncased")',
        'clf = pipeline("sentiment-analysis")',
      ].join('\n'),
      'llm.ipynb': notebook([
        code(
          'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[])',
        ),
      ]),
      'data/images/cats/a0.jpg': 'x',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.pretrainedModels.map((p) => [p.name, p.via, p.hosted, p.file, p.line]),
      [
        ['resnet50', 'torchvision.models', false, 'train.py', 4],
        ['distilbert-base-uncased', 'AutoTokenizer.from_pretrained', false, 'train.py', 9],
        ['default model for sentiment-analysis', 'transformers.pipeline', false, 'train.py', 10],
        ['gpt-4o-mini', 'openai API', true, 'llm.ipynb', 3],
      ],
    );
    assert.deepEqual(
      signals.unstructuredData.map((u) => [u.modality, u.via, u.file]),
      [
        ['image', 'torchvision', 'train.py'],
        ['text', 'AutoTokenizer.from_pretrained', 'train.py'],
      ],
    );
  });

  it('counts a folder of images as image data, but not a folder of figures', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i++) {
      files[`data/train/cat/${i}.jpg`] = 'x';
      files[`docs/figures/${i}.png`] = 'x';
    }
    const signals = await collectOne(repo(files), 'signals');
    assert.deepEqual(
      signals.unstructuredData.map((u) => [u.modality, u.file, u.via]),
      [['image', 'data/train', '25 image files']],
    );
  });

  it('finds API, database, sensor and survey collection', async () => {
    const dir = repo({
      'weather.py':
        'import requests\nresp = requests.get("https://api.open-meteo.com/v1/forecast", params=p)\nrows = resp.json()\n',
      'db.py': 'from sqlalchemy import create_engine\nengine = create_engine(url)\n',
      'sensor.py': 'import serial\nimport adafruit_dht\n',
      'spotify.py': 'import spotipy\n',
      'data/survey_responses.csv': 'a,b\n1,2\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(signals.collection.map((c) => [c.library, c.kind, c.file]).sort(), [
      ['adafruit_dht', 'sensor', 'sensor.py'],
      ['requests', 'api', 'weather.py'],
      ['serial', 'sensor', 'sensor.py'],
      ['spotipy', 'api', 'spotify.py'],
      ['sqlalchemy', 'database', 'db.py'],
      ['survey export', 'survey', 'data/survey_responses.csv'],
    ]);
  });

  it('survives a binary README, a UTF-16 README cell and a broken notebook', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('# Study\r\nWe surveyed 300 nurses via Google Forms.\r\n', 'utf16le'),
    ]);
    const dir = repo({
      'README.md': utf16,
      'broken.ipynb': '{"cells": [',
      'bin.py': Buffer.from([0, 1, 2, 3, 0, 0, 255]),
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.provenance.map((p) => [p.file, p.line, p.ownCollection]),
      [['README.md', 2, true]],
    );
    const binary = repo({ 'README.md': Buffer.from([0, 159, 146, 150, 0, 0, 1]) });
    const none = await collectOne(binary, 'signals');
    assert.deepEqual(none.provenance, []);
  });
});

describe('provenance sentences', () => {
  it('counts a sentence only when it says the author gathered data, not any gathering verb', async () => {
    const dir = repo({
      'README.md': [
        '# Digits',
        '',
        'Internal exceptions are logged with full traceback.',
        'Every training run is logged to MLflow with params and metrics.',
        'Requests is used for communicating with the model API.',
        'Before using your own dataset, try the toy dataset.',
        'I built a simple MLP, then a CNN.',
        'We built on an existing sparse-training library.',
        'Data collected from the O*NET database.',
        'Results pulled from one set of scripts.',
        'The app gets predictions from the API and requests scores via the REST API.',
        '',
        '## Sources',
        '',
        'Fetches elevator alerts from the MBTA API every hour.',
        'We built our own dataset of 400 hand-labelled receipts.',
        'Listings were gathered with a Selenium scraper.',
      ].join('\n'),
      'src/scrape_plan.py': '',
      'Occupation Data.txt': Array.from(
        { length: 20 },
        (_, i) => `1-${i}\tFarmworkers\tharvest vegetables from fields\n`,
      ).join(''),
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.provenance.filter((p) => p.ownCollection).map((p) => p.line),
      [15, 16, 17],
    );
    assert.ok(!signals.provenance.some((p) => p.file === 'Occupation Data.txt'));
    assert.ok(!signals.provenance.some((p) => p.text.includes('scrape_plan')));
  });
});

describe('collection that is not the author gathering data', () => {
  it('leaves out calls to the project own services, OAuth-scoped cloud calls, course exercises and JSON files', async () => {
    const dir = repo({
      'web/client.py': [
        'import os',
        'import requests',
        'MODEL_URL = os.environ.get("MODEL_URL", "http://model:5000")',
        'def predict(img):',
        '    return requests.post(f"{MODEL_URL}/predict", files={"file": img}).json()',
      ].join('\n'),
      'src/trigger/utils.py': [
        'import requests',
        'SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]',
        'def state(location, name):',
        '    return requests.get(f"https://{location}-aiplatform.googleapis.com/v1/{name}").json()["state"]',
      ].join('\n'),
      'course materials/lesson_3.py':
        'import requests\nimport json\ndata = json.loads(requests.get(url).text)\n',
      'project2/lesson_2_practice_code.py':
        'import requests\nimport json\ndata = json.loads(requests.get(url).text)\n',
      'analysis/.ipynb_checkpoints/scrape-checkpoint.py':
        'import requests\nfrom bs4 import BeautifulSoup\nBeautifulSoup(requests.get("https://example.com").text)\n',
      'week15/map.R':
        'library(jsonlite)\nterritories <- fromJSON("https://native-land.ca/coordinates/indigenousTerritories.json")\n',
      'etl/quakes.py': [
        'import requests',
        'def extract(day):',
        '    url = base + day',
        '    response = requests.get(url)',
        '    return response.json()',
      ].join('\n'),
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.collection.map((c) => [c.library, c.file]),
      [['requests', 'etl/quakes.py']],
    );
  });
});

describe('papers in a BibTeX bibliography', () => {
  it('cites the publications of a write-up bibliography, not its software or data entries', async () => {
    const bib = [
      '@inproceedings{gorder,',
      'author = {Wei, Hao and Yu, Jeffrey Xu},',
      'title = {Speedup Graph Processing by Graph Ordering},',
      'year = {2016},',
      '%url = {https://doi.org/10.1145/0000000.0000000},',
      'doi = {10.1145/2882903.2915220},',
      '}',
      '',
      '@article{Qian2014,',
      '  author = {Qian, Kun and Yu, Na},',
      '  title = {{Mathematical analysis of depolarization block}},',
      '  year = 2014',
      '}',
      '',
      '@misc{pydstool,',
      '  author = {Clewley, Rob},',
      '  title = {PyDSTool},',
      '  year = {2012}',
      '}',
    ].join('\n');
    const dir = repo({
      'README.md': '# ReScience replication\n\nThe article is in `article/`.\n',
      'article/bibliography.bib': bib,
      'run.py': 'import numpy as np\nprint(np.zeros(3))\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.paperReferences.map((p) => [p.id, p.kind, p.file, p.line]),
      [
        ['10.1145/2882903.2915220', 'doi', 'article/bibliography.bib', 1],
        ['citation:qian-2014', 'citation', 'article/bibliography.bib', 9],
      ],
    );
  });
});

describe('replication claims and replication packages', () => {
  it('reads a replication package as the study shipping its code, and a reproducibility report as a replication', async () => {
    const own = repo({
      'README.md': [
        '# Program Evaluation with Remotely Sensed Outcomes',
        '',
        'This is the replication package for [*Program Evaluation*](https://arxiv.org/abs/2411.10959).',
        'Results from the paper are in `Figures`. Codes to replicate results are in the `Scripts` folder.',
        '**Data:** Muralidharan et al. (2016) replication package + SHRUG shapefiles.',
      ].join('\n'),
      'code/run.R': 'library(disgenet2r)\nres <- disease_enrichment(entities = genes)\n',
      'code/features.R': 'dataset <- redivis::redivis$organization("SDSS")$dataset("mosaiks:8bqm")\n',
    });
    const signals = await collectOne(own, 'signals');
    assert.deepEqual(signals.replicationPhrases, []);
    assert.deepEqual(
      signals.collection.map((c) => [c.library, c.kind]),
      [
        ['redivis', 'api'],
        ['disgenet2r', 'api'],
      ],
    );
    const report = repo({
      'README.md': [
        '# [Reproducibilty Challenge] RigL',
        '',
        'This repository hosts source code for our reproducibility report on [Rigging the Lottery](https://arxiv.org/abs/1911.11134), published at ICML 2020.',
        '',
        'We replicate Table 2 of Card and Krueger (1994): the code to replicate it is in `src/`.',
      ].join('\n'),
      'main.py': 'import torch\n',
    });
    const named = await collectOne(
      repo({
        'README.md': '# Graphs\n\nClone it: `git clone https://github.com/someone/rescience-graphs.git`\n',
        'main.py': 'import networkx\n',
      }),
      'signals',
    );
    assert.deepEqual(named.replicationPhrases, []);
    const claims = await collectOne(report, 'signals');
    assert.deepEqual(
      claims.replicationPhrases.map((p) => p.line),
      [1, 3, 5],
    );
  });
});

describe('data assembled by a study of its own', () => {
  it('counts a replication package that joins sources as the authors own data, not a replication of another study', async () => {
    const own = repo({
      'README.md': [
        '# Replication Package for: Criminal Mines',
        '',
        'Codes to replicate results are in the `02progs` folder; raw data are in `01data`.',
        '`3Merge_admin_with_exposure.do` merges the cleaned admin dataset with the exposure datasets.',
      ].join('\n'),
      '02progs/Z01_merge_cjars_coal.R': 'coal <- read.csv("01data/coal.csv")\n',
    });
    const signals = await collectOne(own, 'signals');
    assert.deepEqual(
      signals.provenance.filter((p) => p.ownCollection).map((p) => p.text),
      [
        '`3Merge_admin_with_exposure.do` merges the cleaned admin dataset with the exposure datasets.',
        'data assembly script 02progs/Z01_merge_cjars_coal.R',
      ],
    );
    const other = repo({
      'README.md': [
        '# Minimum wages',
        '',
        'We replicate Card and Krueger (1994) from their replication files.',
        'The script merges the two survey waves into one panel dataset.',
      ].join('\n'),
      'merge_waves.R': 'w1 <- read.csv("wave1.csv")\n',
    });
    const replication = await collectOne(other, 'signals');
    assert.deepEqual(
      replication.provenance.filter((p) => p.ownCollection),
      [],
    );
    const scripts = repo({
      'README.md': '# Workflow\n\nThe last rule combines the results files and plots them.\n',
      '.github/issue_template.md': 'Please include all scripts used to reproduce the issue.\n',
      'workflow/merge_results.R': 'x <- 1\n',
    });
    const workflow = await collectOne(scripts, 'signals');
    assert.deepEqual(
      workflow.provenance.filter((p) => p.ownCollection),
      [],
    );
  });
});
