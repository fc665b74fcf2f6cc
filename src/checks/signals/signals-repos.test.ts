/** The signals checks against real synthetic repositories, through every collector. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRepo } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo, spreadCommits } from '../../../test/helpers/repo.js';
import sig101 from './SIG101-no-own-data-collection.js';
import sig102 from './SIG102-data-provenance-undocumented.js';
import sig103 from './SIG103-paper-replication.js';
import sig104 from './SIG104-replication-without-comparison.js';
import sig105 from './SIG105-pretrained-model-use.js';
import sig106 from './SIG106-cookie-cutter-notebook.js';
import sig107 from './SIG107-narrow-stack.js';
import sig109 from './SIG109-scraping-without-rate-limit.js';

const commits = spreadCommits('2024-03-01', 50, 6);

function scrapingProject(): string {
  return repo(
    {
      'README.md': [
        '# What Lisbon rents really cost',
        '',
        '## Data',
        '',
        'I scraped 12,000 rental listings from listings.example.com between March and May 2024 with requests',
        'and BeautifulSoup, one page every two seconds, and kept price, area, rooms and the parish of each flat.',
        '',
      ].join('\n'),
      'src/scrape_listings.py': [
        'import time',
        'import requests',
        'from bs4 import BeautifulSoup',
        '',
        'def fetch(page):',
        '    html = requests.get(f"https://listings.example.com/page/{page}").text',
        '    time.sleep(2)',
        '    return BeautifulSoup(html, "html.parser")',
      ].join('\n'),
      'analysis.ipynb': notebook([
        code('import polars as pl\ndf = pl.read_parquet("data/listings.parquet")'),
      ]),
    },
    { commits },
  );
}

function titanicProject(): string {
  return repo(
    {
      'README.md': '# Titanic survival\n\nPredicting who survived the Titanic.\n',
      'titanic.ipynb': notebook([
        code(
          'import pandas as pd\nimport seaborn as sns\nfrom sklearn.model_selection import train_test_split',
        ),
        code("df = sns.load_dataset('titanic')\ndf.head()"),
        code('X_train, X_test, y_train, y_test = train_test_split(X, y)'),
        code(
          'from sklearn.ensemble import RandomForestClassifier\nmodel = RandomForestClassifier()\nmodel.fit(X_train, y_train)',
        ),
        code('from sklearn.metrics import accuracy_score\naccuracy_score(y_test, model.predict(X_test))'),
      ]),
    },
    { commits },
  );
}

describe('signals checks on synthetic repositories', () => {
  it('a scraping project with a README data section passes the own-data checks', async () => {
    const dir = scrapingProject();
    assert.equal((await checkRepo(sig101, dir)).outcome, 'pass');
    assert.equal((await checkRepo(sig102, dir)).outcome, 'pass');
    assert.equal((await checkRepo(sig109, dir)).outcome, 'pass');
    assert.equal((await checkRepo(sig107, dir)).outcome, 'pass');
  });

  it('a Titanic notebook with sns.load_dataset fails own data, cookie-cutter and narrow stack', async () => {
    const dir = titanicProject();
    const own = await checkRepo(sig101, dir);
    assert.equal(own.outcome, 'fail');
    const stock = await checkRepo(sig106, dir);
    assert.equal(stock.outcome, 'fail');
    assert.deepEqual(stock.findings[0]?.evidence[0]?.file, 'titanic.ipynb');
    assert.equal((await checkRepo(sig107, dir)).outcome, 'fail');
    assert.equal((await checkRepo(sig102, dir)).outcome, 'not-applicable');
    assert.equal((await checkRepo(sig105, dir)).outcome, 'not-applicable');
  });

  it('a paper replication with an arXiv id passes SIG103 and is judged on its comparison', async () => {
    const dir = repo(
      {
        'README.md': [
          '# LoRA on Portuguese court rulings',
          '',
          'We replicate the paper "LoRA: Low-Rank Adaptation of Large Language Models" (arXiv:2106.09685).',
          '',
        ].join('\n'),
        'replicate.ipynb': notebook([
          md('## Reproducing the paper'),
          code('import torch\nx = torch.zeros(3)'),
        ]),
      },
      { commits },
    );
    const replication = await checkRepo(sig103, dir);
    assert.equal(replication.outcome, 'pass');
    assert.equal((await checkRepo(sig104, dir)).outcome, 'fail');
  });

  it('a transformers fine-tune passes the pretrained-model check', async () => {
    const dir = repo(
      {
        'train.py': [
          'from transformers import AutoTokenizer, AutoModelForSequenceClassification',
          'tok = AutoTokenizer.from_pretrained("distilbert-base-uncased")',
          'model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=3)',
        ].join('\n'),
      },
      { commits },
    );
    const result = await checkRepo(sig105, dir);
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.evidence[0]?.file, 'train.py');
    assert.equal(result.findings[0]?.evidence[0]?.line, 2);
  });
});
