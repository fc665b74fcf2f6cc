import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreement, agrees, auc, offRouteAdvice, setScores, toolValues } from '../../scripts/eval.js';

describe('eval script', () => {
  it('compares id sets as sets, spanDays within a day, languages by alias', () => {
    assert.equal(agrees('stockDatasets', ['titanic', 'iris'], ['iris', 'titanic']), true);
    assert.equal(agrees('stockDatasets', ['titanic'], ['titanic', 'iris']), false);
    assert.equal(agrees('spanDays', 40, 41), true);
    assert.equal(agrees('spanDays', 40, 42), false);
    assert.equal(agrees('primaryLanguage', 'Python', 'Jupyter Notebook'), true);
    assert.equal(agrees('tests', true, undefined), false);
  });

  it('counts agreement per field, leaves null labels out and lists each miss', () => {
    const rows = [
      { repo: 'a/x', expected: { tests: true, ci: null }, actual: { tests: true, ci: false } },
      { repo: 'b/y', expected: { tests: false, ci: true }, actual: { tests: true } },
    ];
    const result = agreement(['tests', 'ci'], rows);
    assert.deepEqual(
      result.fields.map((f) => [f.field, f.agreed, f.compared, f.unpublished]),
      [
        ['tests', 1, 2, 0],
        ['ci', 0, 1, 1],
      ],
    );
    assert.equal(result.overall, 1 / 3);
    assert.deepEqual(
      result.misses.map((m) => `${m.repo}:${m.field}`),
      ['b/y:tests', 'b/y:ci'],
    );
  });

  it('pools dataset recall and precision; an uncatalogued label counts as missed', () => {
    const s = setScores([
      { expected: ['titanic'], actual: ['titanic'] },
      { expected: ['new:bengaluru-house-prices'], actual: ['house-prices'] },
      { expected: [], actual: [] },
    ]);
    assert.deepEqual([s.truePositives, s.falseNegatives, s.falsePositives], [1, 1, 1]);
    assert.equal(s.recall, 0.5);
    assert.equal(s.precision, 0.5);
  });

  it('falls back to SIG103 for reports without a replication fact', () => {
    assert.equal(toolValues({ facts: {}, checks: [{ check: 'SIG103', outcome: 'pass' }] }).replication, true);
    assert.equal(toolValues({ facts: {}, checks: [] }).replication, undefined);
  });

  it('computes AUC with ties as half', () => {
    assert.equal(auc([80, 70], [10, 20]), 1);
    assert.equal(auc([50], [50]), 0.5);
    assert.equal(auc([60, 40], [50]), 0.5);
    assert.equal(auc([], [1]), null);
  });

  it('flags own-data and swap-the-dataset advice only on replication and tool routes', () => {
    const steps = [
      { check: 'SIG101', advice: 'Collect data of your own (scrape a site, call an API).' },
      { check: 'RD102', advice: 'Grow the README into a short write-up.' },
      { check: 'XYZ1', advice: 'Swap the stock dataset for data you collected.' },
    ];
    assert.deepEqual(
      offRouteAdvice('replication', 'a/x', steps).map((o) => o.check),
      ['SIG101', 'XYZ1'],
    );
    assert.deepEqual(offRouteAdvice('herd', 'a/x', steps), []);
  });

  it('reads the facts a report publishes, the replication fact before SIG103', () => {
    const values = toolValues({
      facts: {
        stockDatasets: [{ id: 'mnist' }, { id: 'cifar' }],
        capstones: [],
        customData: false,
        scrapingOrApi: true,
        paperReferences: ['arXiv:1911.11134'],
        tests: true,
        ci: false,
        dockerfile: false,
        webApps: ['Streamlit', 'Next.js'],
        readme: { runInstructions: true },
        notebooks: 2,
        languages: { Python: 100, 'Jupyter Notebook': 50, R: 120, HTML: 900 },
        git: { commitCount: 9, spanDays: 3, botCommits: 1 },
        replication: { recognised: true },
      },
      checks: [{ check: 'SIG103', outcome: 'fail' }],
      route: { id: 'replication' },
    });
    assert.deepEqual(values.stockDatasets, ['cifar', 'mnist']);
    assert.deepEqual(values.webApps, ['nextjs', 'streamlit']);
    assert.equal(values.primaryLanguage, 'Python');
    assert.equal(values.replication, true);
    assert.equal(values.citesPaper, true);
    assert.equal(values.route, 'replication');
    assert.equal(values.commitCount, 9);
  });
});
