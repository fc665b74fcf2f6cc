import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo } from '../../test/helpers/facts.js';
import { code, md, notebook } from '../../test/helpers/notebook.js';
import { repo, spreadCommits } from '../../test/helpers/repo.js';
import type { RepoReport } from '../engine/report.js';

/** Advice that would take a replication or a tool off its route (issue: never give it). */
const OFF_ROUTE = /collect (data|your own)|swap the (stock )?dataset|pretrained|fine-tune/i;

const outcome = (report: RepoReport, check: string) => report.checks.find((c) => c.check === check)?.outcome;
const principle = (report: RepoReport, id: string) => report.principles.find((p) => p.principle === id);

function replicationRepo(): string {
  return repo(
    {
      'README.md': `# Deep residual learning, replicated

A replication of "Deep Residual Learning for Image Recognition" (He et al., 2015,
arXiv:1512.03385). We re-implement ResNet-20/32/56 in PyTorch and train them from scratch on
CIFAR-10, as the paper does, to check the claim that deeper residual networks train better.

## Results

| Model | Paper error | Our error |
| --- | --- | --- |
| ResNet-20 | 8.75% | 8.91% |
| ResNet-56 | 6.97% | 7.30% |

## How to run

\`\`\`sh
pip install -r requirements.txt
python train.py --depth 20
\`\`\`
`,
      'requirements.txt': 'torch==2.2.0\ntorchvision==0.17.0\n',
      'resnet.py': `import torch.nn as nn


class Block(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x):
        return x + self.conv(x)
`,
      'train.py': `import torch
import torchvision
import torchvision.transforms as T
from resnet import Block


def main():
    data = torchvision.datasets.CIFAR10(root="data", train=True, download=True, transform=T.ToTensor())
    loader = torch.utils.data.DataLoader(data, batch_size=128, shuffle=True)
    model = Block(3)
    for images, labels in loader:
        model(images)


if __name__ == "__main__":
    main()
`,
    },
    { commits: spreadCommits('2024-01-01', 50, 14) },
  );
}

describe('routes out of the herd, on repositories built for the purpose', () => {
  it('recognises a faithful replication and gives it replication advice only', async () => {
    const report = await analyseRepo(replicationRepo());
    assert.equal(report.error, null);
    assert.equal(report.route?.id, 'replication', JSON.stringify(report.route));
    assert.ok(report.route!.reasons.some((r) => /arXiv:1512\.03385/.test(r)));
    assert.ok(report.route!.reasons.some((r) => /CIFAR/.test(r)));
    // The paper's benchmark is expected, not herd; the topic is the paper's.
    assert.equal(outcome(report, 'HRD101'), 'pass');
    assert.equal(outcome(report, 'HRD103'), 'pass');
    assert.equal(principle(report, 'original-problem')?.score, 10);
    assert.match(principle(report, 'original-problem')?.routeNote ?? '', /replication route/);
    // Own data and pretrained models are not asked of a replication.
    assert.equal(outcome(report, 'SIG101'), 'not-applicable');
    assert.equal(outcome(report, 'SIG105'), 'not-applicable');
    assert.equal(principle(report, 'replicate-papers')?.kind, 'core');
    // A replication is read and re-run: no web app is asked of it.
    assert.equal(outcome(report, 'INF105'), 'pass');
    for (const step of report.nextSteps) {
      assert.doesNotMatch(step.advice, OFF_ROUTE, step.advice);
      assert.equal(step.route, 'replication');
    }
    const findings = report.findings.filter((f) => f.outcome === 'fail').map((f) => f.message);
    assert.ok(
      !findings.some((m) => /toy image|pretrained network usually beats/i.test(m)),
      findings.join('\n'),
    );
    assert.match(report.summary, /It is a paper replication: it cites arXiv:1512\.03385/);
    assert.ok((report.score ?? 0) >= 60, `score ${report.score}`);
  });

  it('judges a tool on what it builds, not on a model metric it does not claim', async () => {
    const report = await analyseRepo(
      repo(
        {
          'README.md': `# csvlint-fr

A command-line checker for French open-data CSV files: it reports wrong separators, broken
encodings and dates a spreadsheet would misread, so that data teams at city halls can publish
files others can load.

## Install

\`\`\`sh
pip install csvlint-fr
csvlint-fr data/*.csv
\`\`\`
`,
          'pyproject.toml': `[project]
name = "csvlint-fr"
version = "0.3.0"
dependencies = ["charset-normalizer==3.3.2"]

[project.scripts]
csvlint-fr = "csvlint_fr.cli:main"
`,
          'csvlint_fr/__init__.py': '',
          'csvlint_fr/cli.py':
            'import sys\n\nfrom csvlint_fr.rules import check\n\n\ndef main():\n    for path in sys.argv[1:]:\n        print(check(path))\n',
          'csvlint_fr/rules.py':
            'import csv\n\n\ndef check(path):\n    with open(path, newline="") as f:\n        return csv.Sniffer().sniff(f.read(2048)).delimiter\n',
          'tests/test_rules.py':
            'from csvlint_fr.rules import check\n\n\ndef test_semicolon(tmp_path):\n    p = tmp_path / "a.csv"\n    p.write_text("a;b\\n1;2\\n")\n    assert check(p) == ";"\n',
        },
        { commits: spreadCommits('2024-01-01', 50, 14) },
      ),
    );
    assert.equal(report.route?.id, 'tool-pipeline', JSON.stringify(report.route));
    assert.ok(report.route!.reasons.some((r) => /csvlint-fr/.test(r)));
    assert.equal(outcome(report, 'RD105'), 'not-applicable');
    assert.equal(outcome(report, 'RD106'), 'not-applicable');
    assert.notEqual(principle(report, 'value-over-decimals')?.failed, 2);
    assert.equal(outcome(report, 'SIG101'), 'not-applicable');
    for (const step of report.nextSteps) assert.doesNotMatch(step.advice, OFF_ROUTE, step.advice);
    assert.match(report.summary, /It is a tool or pipeline: it installs the command `csvlint-fr`/);
  });

  it('keeps a tidy Titanic notebook in the herd, with a low score', async () => {
    const report = await analyseRepo(
      repo(
        {
          'README.md': `# Titanic survival prediction

This project predicts which passengers survived the sinking of the Titanic using machine
learning. We explore the data, engineer features and compare several classifiers.

## Results

The random forest reaches an accuracy of 0.82 on the validation set, against 0.62 for the
majority-class baseline.

## Limitations

Small data set; results may not generalise.
`,
          'requirements.txt': 'pandas==2.2.0\nscikit-learn==1.4.0\n',
          'data/train.csv':
            'PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n1,0,3,"Doe, Mr. John",male,22,1,0,A/5 21171,7.25,,S\n',
          'Titanic.ipynb': notebook([
            md('# Titanic survival'),
            code("import pandas as pd\ndf = pd.read_csv('data/train.csv')", { exec: 1 }),
            code(
              'from sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import accuracy_score\nX_train, X_test, y_train, y_test = train_test_split(df.drop(columns="Survived"), df.Survived)\nm = RandomForestClassifier().fit(X_train, y_train)\naccuracy_score(y_test, m.predict(X_test))',
              { exec: 2 },
            ),
          ]),
        },
        { commits: spreadCommits('2024-01-01', 3, 3) },
      ),
    );
    assert.equal(report.route?.id, 'herd', JSON.stringify(report.route));
    assert.ok(report.route!.reasons.some((r) => /Titanic/.test(r)));
    assert.equal(outcome(report, 'HRD101'), 'fail');
    assert.equal(outcome(report, 'SIG101'), 'fail');
    assert.ok((principle(report, 'original-problem')?.score ?? 10) <= 5);
    assert.ok((report.score ?? 100) < 50, `score ${report.score}`);
    assert.match(report.summary, /It follows the herd: it is built on Kaggle Titanic/);
  });

  it('sees an own-data scraper project as the own-data route', async () => {
    const report = await analyseRepo(
      repo(
        {
          'README.md': `# Rents near Lyon's tram lines

I scraped 4,000 rental listings from a local agency site every week for two months to see how
rent changes with the walk to the nearest tram stop, a question students ask when they move here.
`,
          'requirements.txt': 'requests==2.31.0\nbeautifulsoup4==4.12.3\npandas==2.2.0\n',
          'scrape.py': `import time

import requests
from bs4 import BeautifulSoup


def listings(page):
    html = requests.get(f"https://agence.example.fr/louer?page={page}", timeout=10).text
    soup = BeautifulSoup(html, "html.parser")
    time.sleep(2)
    return [a.text for a in soup.select(".price")]
`,
        },
        { commits: spreadCommits('2024-01-01', 50, 14) },
      ),
    );
    assert.equal(report.route?.id, 'own-data', JSON.stringify(report.route));
    assert.ok(report.route!.reasons.some((r) => /collects data with requests/.test(r)));
    assert.equal(outcome(report, 'SIG101'), 'pass');
    assert.match(principle(report, 'own-data')?.routeNote ?? '', /own-data route/);
    // A scraper with no model has no model metric to report.
    assert.equal(outcome(report, 'RD105'), 'not-applicable');
  });

  it('gives code without a README a route of its own, not "none yet"', async () => {
    const report = await analyseRepo(
      repo(
        {
          'code/01_clean.R':
            'library(dplyr)\nwages <- read.csv("data/wages_by_county.csv")\nclean <- wages |> filter(!is.na(wage))\nwrite.csv(clean, "data/clean.csv")\n',
          'code/02_model.R':
            'clean <- read.csv("data/clean.csv")\nfit <- lm(wage ~ year, data = clean)\nsummary(fit)\n',
          'data/wages_by_county.csv': 'county,year,wage\nAlba,2019,31000\nAlba,2020,31500\n',
        },
        { commits: spreadCommits('2024-01-01', 20, 10) },
      ),
    );
    assert.equal(report.route?.id, 'original-question', JSON.stringify(report.route));
    assert.ok(report.route!.reasons.some((r) => /no README to state its question yet/.test(r)));
    const original = principle(report, 'original-problem');
    assert.ok((original?.score ?? 10) <= 5, `original-problem ${original?.score}`);
    assert.match(original?.routeNote ?? '', /until the README states the question/);
  });

  it("takes a workflow that trains the project's own model as its analysis, not a tool", async () => {
    const report = await analyseRepo(
      repo(
        {
          'README.md': `# Ageing clocks in blood immune cells

We ask whether the share of naive T cells in single-cell profiles of blood predicts a donor's age
better than bulk methylation clocks do, using the public cohorts listed in config.yaml.
`,
          Snakefile:
            'rule all:\n    input: "results/scores.csv"\n\nrule train:\n    input: "data/cells.csv"\n    output: "results/scores.csv"\n    script: "scripts/train.py"\n',
          'scripts/train.py': `import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import cross_val_score

cells = pd.read_csv(snakemake.input[0])
model = RandomForestRegressor()
scores = cross_val_score(model, cells.drop(columns="age"), cells.age)
pd.DataFrame({"r2": scores}).to_csv(snakemake.output[0])
`,
          'requirements.txt': 'pandas==2.2.0\nscikit-learn==1.4.0\nsnakemake==8.4.0\n',
        },
        { commits: spreadCommits('2024-01-01', 40, 14) },
      ),
    );
    assert.notEqual(report.route?.id, 'tool-pipeline', JSON.stringify(report.route));
    assert.equal(report.route?.id, 'original-question', JSON.stringify(report.route));
    assert.ok(
      report.route!.reasons.some((r) => /runs its analysis as a pipeline \(snakemake\)/.test(r)),
      JSON.stringify(report.route),
    );
  });
});
