import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import { code, notebook } from '../../test/helpers/notebook.js';
import { repo, spreadCommits } from '../../test/helpers/repo.js';
import { auditPaths } from '../engine/audit.js';
import type { FactsSummary, RepoReport } from '../engine/report.js';
import { analysePortfolio } from './analyse.js';
import { domainFocus, domainsIn } from './domains.js';
import { portfolioGaps } from './gaps.js';
import { repeatedStack } from './repetition.js';

const base = SAMPLE_REPORT.repos[0]!;

/** A sample repository with its history, README and facts replaced. */
function repoWith(
  name: string,
  git: { commits: number; span: number; active: number } | null,
  summary: string,
  facts: Partial<FactsSummary> = {},
): RepoReport {
  const f = base.facts!;
  return {
    ...base,
    name,
    path: `p/${name}`,
    summary,
    findings: [],
    facts: {
      ...f,
      readme: { ...f.readme, sections: [] },
      stack: [],
      stockDatasets: [],
      git: git && { ...f.git!, commitCount: git.commits, spanDays: git.span, activeDays: git.active },
      ...facts,
    },
  };
}

describe('analysePortfolio on report literals', () => {
  it('names the flagship and calls effort concentrated when one project holds most active days', () => {
    const p = analysePortfolio([
      repoWith(
        'deep',
        { commits: 120, span: 70, active: 40 },
        '"ICU stays": predicting patient length of stay.',
      ),
      repoWith('weekend-1', { commits: 4, span: 1, active: 2 }, '"Diabetes": a quick model.'),
      repoWith('weekend-2', { commits: 3, span: 0, active: 1 }, '"Heart disease": a quick model.'),
    ]);
    assert.equal(p.flagship?.name, 'deep');
    assert.equal(p.effort.shape, 'concentrated');
    assert.deepEqual(p.effort.weekendRepos, ['weekend-1', 'weekend-2']);
    assert.equal(p.domains.focus, 'health');
    assert.deepEqual(p.domains.domains[0]?.repos, ['deep', 'weekend-1', 'weekend-2']);
  });

  it('calls effort spread over weekend projects and finds no focus in unrelated domains', () => {
    const p = analysePortfolio([
      repoWith('a', { commits: 5, span: 2, active: 2 }, '"Football transfers": player values.'),
      repoWith('b', { commits: 4, span: 1, active: 2 }, '"Wine quality": ratings.'),
      repoWith('c', { commits: 6, span: 3, active: 2 }, '"Credit default": bank loans.'),
    ]);
    assert.equal(p.effort.shape, 'spread');
    assert.equal(p.domains.focus, null);
    assert.match(p.domains.note, /No recurring domain/);
  });

  it('history unknown without git; failed audits are left out', () => {
    const p = analysePortfolio([repoWith('plain', null, '"Notes".'), SAMPLE_REPORT.repos[1]!]);
    assert.equal(p.effort.shape, 'unknown');
    assert.deepEqual(p.repos, ['plain']);
  });

  it('finds the same stack and the same cookie-cutter notebook across repositories', () => {
    const stack = ['pandas', 'numpy', 'scikit-learn', 'matplotlib'];
    const p = analysePortfolio([
      repoWith('one', null, '', { stack, cookieCutterNotebooks: ['titanic.ipynb'] }),
      repoWith('two', null, '', { stack: [...stack, 'seaborn'], cookieCutterNotebooks: ['iris.ipynb'] }),
      repoWith('three', null, '', { stack: ['torch', 'pandas'] }),
    ]);
    assert.deepEqual(p.repetition.stack, {
      libraries: ['matplotlib', 'numpy', 'pandas', 'scikit-learn'],
      repos: ['one', 'two'],
    });
    assert.deepEqual(
      p.repetition.cookieCutter.map((c) => c.repo),
      ['one', 'two'],
    );
    assert.match(p.repetition.note, /2 projects have the same load → split → fit → score notebook/);
    assert.equal(
      repeatedStack([
        repoWith('x', null, '', { stack: ['a', 'b'] }),
        repoWith('y', null, '', { stack: ['a', 'b'] }),
      ]),
      null,
    );
  });

  it('lists what no project shows, most valuable first, and drops what one project shows', () => {
    const bare = { customData: false, tests: false, deploymentConfigs: [], webApps: [], pythonModules: 0 };
    const gaps = portfolioGaps([
      repoWith('a', null, '', bare),
      repoWith('b', null, '', { ...bare, tests: true }),
    ]);
    const ids = gaps.map((g) => g.id);
    assert.equal(ids[0], 'own-data');
    assert.ok(!ids.includes('tests'));
    assert.ok(ids.includes('deployed'));
    assert.deepEqual(
      gaps.map((g) => g.value),
      [...gaps.map((g) => g.value)].sort((x, y) => y - x),
    );
    assert.deepEqual(portfolioGaps([SAMPLE_REPORT.repos[1]!]), [], 'no facts, no claims');
  });
});

describe('domain lexicon', () => {
  it('matches whole words, plurals and phrases, not substrings', () => {
    assert.deepEqual([...domainsIn('predicting patients readmission').keys()], ['health']);
    assert.deepEqual([...domainsIn('air quality in lyon').keys()], ['climate']);
    assert.deepEqual([...domainsIn('carpet cleaning').keys()], [], '"car" is not in "carpet"');
    assert.equal(domainFocus([]).focus, null);
  });
});

describe('analysePortfolio on audited repositories', () => {
  it('a six-week health project and two weekend notebooks with the same stock shape', async () => {
    const stockNotebook = (dataset: string) =>
      notebook([
        code('import pandas as pd\nfrom sklearn.model_selection import train_test_split'),
        code(`df = pd.read_csv('${dataset}.csv')\ndf.head()`),
        code('X_train, X_test, y_train, y_test = train_test_split(X, y)'),
        code(
          'from sklearn.linear_model import LogisticRegression\nmodel = LogisticRegression()\nmodel.fit(X_train, y_train)',
        ),
        code('from sklearn.metrics import f1_score\nf1_score(y_test, model.predict(X_test))'),
      ]);
    const deep = repo(
      {
        'README.md':
          '# Hospital readmissions\n\nPredicting which patients return to hospital within 30 days.\n',
      },
      { commits: spreadCommits('2024-01-01', 60, 30) },
    );
    const heart = repo(
      {
        'README.md': '# Heart disease\n\nA classifier for heart disease.\n',
        'heart.ipynb': stockNotebook('heart'),
      },
      { commits: spreadCommits('2024-04-06', 1, 3) },
    );
    const wine = repo(
      { 'README.md': '# Wine\n\nWine quality.\n', 'wine.ipynb': stockNotebook('wine') },
      { commits: spreadCommits('2024-05-04', 1, 2) },
    );
    const report = await auditPaths([deep, heart, wine], { jobs: 1 });
    const p = analysePortfolio(report.repos);
    assert.equal(p.flagship?.path, deep);
    assert.equal(p.effort.shape, 'concentrated');
    assert.equal(p.effort.weekendRepos.length, 2);
    assert.equal(p.repetition.cookieCutter.length, 2, p.repetition.note);
    assert.equal(p.domains.focus, 'health');
    assert.equal(p.gaps[0]?.id, 'own-data');
  });
});
