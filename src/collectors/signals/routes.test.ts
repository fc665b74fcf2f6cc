import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo, collectOne } from '../../../test/helpers/facts.js';
import { code, md, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { citationsIn } from './citations.js';

const R_ANALYSIS = `library(dplyr)
library(fixest)
# Replicates Table 3 of Card and Krueger (1994)
njpa <- read.csv("data/njmin.csv")
model <- feols(fte ~ treat * post, data = njpa)
`;

describe('paper citations', () => {
  it('reads author–year citations and leaves dates, seasons and products alone', () => {
    assert.deepEqual(
      citationsIn('We replicate Card and Krueger (1994) with new data.').map((c) => c.id),
      ['citation:card-krueger-1994'],
    );
    assert.deepEqual(
      citationsIn('The architecture follows He et al. (2016).').map((c) => c.id),
      ['citation:he-2016'],
    );
    assert.deepEqual(
      citationsIn('- Breiman, L. (2001). Random forests. Machine Learning, 45(1), 5–32.').map((c) => c.id),
      ['citation:breiman-2001'],
    );
    assert.deepEqual(citationsIn('Data collected in Summer (2021) and March 2022.'), []);
    assert.deepEqual(citationsIn('Built with Python 3.11 (2023 release).'), []);
    assert.deepEqual(citationsIn('Sales and Marketing (2019) numbers are in the sheet.'), []);
    assert.deepEqual(
      citationsIn(
        '1. Holder, M. K. (1997). "Why are more people right-handed?". Sciam.com. Retrieved 2008-04-14.',
      ),
      [],
    );
  });

  it('reads a reference in a "please cite" block, and no title from quoted values or years inside quotes', async () => {
    const dir = repo({
      'README.md': [
        '# Synthetic control app',
        '',
        'Please cite:',
        '```',
        'Abadie, A., Diamond, A., & Hainmueller, J. (2010).',
        'Synthetic Control Methods for Comparative Case Studies.',
        '```',
      ].join('\n'),
      'report.Rmd': '---\ntitle: "What Makes a Good Red Wine"\ndate: "June 23, 2016"\n---\n\nText.\n',
      'pages/findings.md': '<ScatterPlot\n    xAxisTitle="Change in gCO2 per kWh since 2005"\n/>\n',
      'app.R': 'library(shiny)\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.paperReferences.map((p) => p.id),
      ['citation:abadie-2010'],
    );
  });
});

describe('replication facts', () => {
  it('recognises an economics replication in R cited by authors and year', async () => {
    const dir = repo({
      'README.md':
        '# Minimum wage and employment\n\nA replication of Card and Krueger (1994), "Minimum Wages and Employment", American Economic Review.\n\n| Estimate | Paper | Ours |\n| --- | --- | --- |\n| DiD | 2.76 | 2.68 |\n',
      'analysis.R': R_ANALYSIS,
    });
    const report = await analyseRepo(dir);
    const replication = report.facts?.replication;
    assert.equal(replication?.recognised, true);
    assert.equal(replication?.claimsReplication, true);
    assert.equal(replication?.comparesWithPaper, true);
    assert.ok(replication?.papers.includes('citation:card-krueger-1994'));
    assert.deepEqual(
      replication?.evidence.find((e) => e.signal === 'claim'),
      {
        signal: 'claim',
        detail:
          'A replication of Card and Krueger (1994), "Minimum Wages and Employment", American Economic Review.',
        file: 'README.md',
        line: 3,
      },
    );
  });

  it('does not call a reference list a replication', async () => {
    const dir = repo({
      'README.md':
        '# Churn model\n\nGradient boosting on our churn table.\n\n## References\n\n- Breiman, L. (2001). Random forests. Machine Learning, 45(1), 5–32.\n- Chen and Guestrin (2016), XGBoost, KDD.\n',
      'model.ipynb': notebook([code('import xgboost\nm = xgboost.XGBClassifier()\nm.fit(X, y)')]),
    });
    const replication = (await analyseRepo(dir)).facts?.replication;
    assert.equal(replication?.citesPaper, true);
    assert.deepEqual(replication?.papers, ['citation:breiman-2001', 'citation:chen-guestrin-2016']);
    assert.equal(replication?.claimsReplication, false);
    assert.equal(replication?.recognised, false);
  });

  it('takes a ReScience write-up as a replication claim, and training from scratch as said', async () => {
    const dir = repo({
      'README.md':
        '# [Re] Deep Residual Learning\n\nSubmitted to ReScience C. Source paper: He et al. (2016), CVPR.\n\nAll networks are trained from scratch on CIFAR-10.\n',
      'train.py': 'import torch\nmodel = Net()\nloss.backward()\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.replicationPhrases.map((p) => p.line),
      [3],
    );
    assert.deepEqual(signals.trainsFromScratch, { via: 'text', file: 'README.md', line: 5 });
    const replication = (await analyseRepo(dir)).facts?.replication;
    assert.equal(replication?.recognised, true);
    assert.equal(replication?.trainsFromScratch, true);
  });

  it('reads replication claims from R Markdown reports and script comments', async () => {
    const dir = repo({
      'README.md': '# Coursework\n',
      'report/replication.Rmd':
        '---\ntitle: "Schooling returns"\n---\n\nWe reproduce the estimates of Angrist and Krueger (1991), Quarterly Journal of Economics.\n\n```{r}\nlibrary(AER)\n```\n',
      'scripts/tables.do':
        '* Replication of Acemoglu, Johnson and Robinson (2001), AER\nuse "ajr.dta"\nreg logpgp95 avexpr\n',
    });
    const signals = await collectOne(dir, 'signals');
    assert.deepEqual(
      signals.replicationPhrases.map((p) => [p.file, p.line]),
      [
        ['report/replication.Rmd', 5],
        ['scripts/tables.do', 1],
      ],
    );
    assert.ok(signals.paperReferences.some((p) => p.id === 'citation:angrist-krueger-1991'));
  });

  it('sees deep-learning training with no pretrained weights as from scratch', async () => {
    const dir = repo({
      'README.md': '# Digits\n',
      'nb.ipynb': notebook([
        code('import torch\nimport torch.nn as nn'),
        code('for x, y in loader:\n    loss = crit(model(x), y)\n    loss.backward()\n    opt.step()'),
      ]),
    });
    const signals = await collectOne(dir, 'signals');
    assert.equal(signals.trainsFromScratch?.file, 'nb.ipynb');
    assert.equal(signals.trainsFromScratch?.cell, 1);
  });
});

describe('tool and pipeline facts', () => {
  it('recognises an installable package with modules and a console script', async () => {
    const dir = repo({
      'pyproject.toml':
        '[project]\nname = "tidyscrape"\nversion = "0.1.0"\n\n[project.scripts]\ntidyscrape = "tidyscrape.cli:main"\n',
      'src/tidyscrape/__init__.py': '',
      'src/tidyscrape/cli.py': 'import argparse\n\ndef main():\n    argparse.ArgumentParser()\n',
      'src/tidyscrape/clean.py': 'def clean(x):\n    return x\n',
      'tests/test_clean.py':
        'from tidyscrape.clean import clean\n\ndef test_clean():\n    assert clean(1) == 1\n',
    });
    const tool = (await analyseRepo(dir)).facts?.toolOrPipeline;
    assert.equal(tool?.recognised, true);
    assert.deepEqual(tool?.kinds, ['package', 'cli']);
    assert.equal(tool?.importableModules, 2);
    assert.deepEqual(tool?.cliEntryPoints, ['tidyscrape']);
    assert.deepEqual(tool?.evidence, [{ file: 'pyproject.toml' }, { file: 'pyproject.toml' }]);
  });

  it('recognises Snakemake, dbt and Airflow pipelines', async () => {
    const dir = repo({
      Snakefile: 'rule all:\n    input: "results/summary.csv"\n',
      'warehouse/dbt_project.yml': 'name: shop\nversion: "1.0"\n',
      'dags/daily.py': 'from airflow import DAG\n',
    });
    const tool = (await analyseRepo(dir)).facts?.toolOrPipeline;
    assert.equal(tool?.recognised, true);
    assert.deepEqual(tool?.pipelines, ['airflow', 'dbt', 'snakemake']);
  });

  it('does not call a training script with argparse a tool', async () => {
    const dir = repo({
      'train.py':
        'import argparse\nimport pandas as pd\n\nif __name__ == "__main__":\n    argparse.ArgumentParser()\n    pd.read_csv("train.csv")\n',
    });
    const tool = (await analyseRepo(dir)).facts?.toolOrPipeline;
    assert.equal(tool?.recognised, false);
    assert.deepEqual(tool?.kinds, ['cli']);
  });

  it('recognises a Scrapy project as scraping and as a scraper framework', async () => {
    const dir = repo({
      'scrapy.cfg': '[settings]\ndefault = books.settings\n',
      'books/__init__.py': '',
      'books/settings.py': 'BOT_NAME = "books"\nROBOTSTXT_OBEY = True\n',
      'books/spiders/__init__.py': '',
      'books/spiders/catalogue.py':
        'import scrapy\n\n\nclass CatalogueSpider(scrapy.Spider):\n    name = "catalogue"\n    start_urls = ["https://books.example.com"]\n',
    });
    const report = await analyseRepo(dir);
    assert.equal(report.facts?.scrapingOrApi, true);
    assert.equal(report.facts?.customData, true);
    assert.equal(report.facts?.toolOrPipeline?.scraperFramework, true);
    assert.deepEqual(
      report.facts?.dataCollection?.map((c) => [c.method, c.kind, c.file, c.counted]),
      [['scrapy', 'scraping', 'books/spiders/catalogue.py', true]],
    );
  });
});

describe('own data and collection', () => {
  it("does not count a Streamlit front end or a test calling the project's own API", async () => {
    const dir = repo({
      'app.py':
        'import requests\nimport streamlit as st\n\nAPI = "http://localhost:8000/predict"\nr = requests.post(API, json={"x": 1})\nst.write(r.json())\n',
      'frontend.py':
        'import requests\nimport streamlit as st\nres = requests.post(st.secrets["url"], json={})\nst.write(res.json())\n',
      'tests/test_api.py':
        'import requests\n\ndef test_predict():\n    r = requests.get("https://my-service.example.com/api/predict")\n    assert r.json()\n',
      'client.py': 'import requests\nprint(requests.get("http://127.0.0.1:8000/api/health").json())\n',
    });
    const report = await analyseRepo(dir);
    assert.deepEqual(report.facts?.dataCollection, []);
    assert.equal(report.facts?.customData, false);
    assert.equal(report.facts?.scrapingOrApi, false);
  });

  it('does not count downloading a stock dataset with requests as an API', async () => {
    const dir = repo({
      'get_data.py':
        'import requests\nimport json\nr = requests.get("https://archive.ics.uci.edu/ml/machine-learning-databases/adult/")\njson.loads("{}")\n',
    });
    const report = await analyseRepo(dir);
    assert.equal(report.facts?.customData, false);
    assert.equal(report.facts?.scrapingOrApi, false);
  });

  it('counts personal exports as own data, not as scraping or an API', async () => {
    const dir = repo({
      'data/strava_activities.csv': 'id,distance\n1,5.2\n',
      'analysis.ipynb': notebook([
        md('# My running'),
        code("import pandas as pd\npd.read_csv('data/strava_activities.csv')"),
      ]),
    });
    const report = await analyseRepo(dir);
    assert.equal(report.facts?.customData, true);
    assert.equal(report.facts?.scrapingOrApi, false);
    assert.deepEqual(
      report.facts?.dataCollection?.map((c) => [c.method, c.kind, c.counted]),
      [['Strava export', 'export', true]],
    );
  });

  it("leaves a course capstone's guided API calls out of the candidate's own data", async () => {
    const dir = repo({
      'README.md':
        '# SpaceX Falcon 9 first stage landing prediction\n\nApplied Data Science Capstone (IBM).\n',
      'jupyter-labs-spacex-data-collection-api.ipynb': notebook([
        code('import requests\nimport pandas as pd'),
        code(
          'response = requests.get("https://api.spacexdata.com/v4/launches/past")\ndata = pd.json_normalize(response.json())',
        ),
      ]),
      'dataset_part_1.csv': 'FlightNumber,Date\n1,2010-06-04\n',
    });
    const report = await analyseRepo(dir);
    assert.equal(report.facts?.capstones[0]?.id, 'ibm-spacex-falcon9');
    assert.equal(report.facts?.dataCollection?.[0]?.counted, false);
    assert.match(report.facts?.dataCollection?.[0]?.reason ?? '', /course capstone/);
    assert.equal(report.facts?.customData, false);
    assert.equal(report.facts?.scrapingOrApi, false);
  });
});
