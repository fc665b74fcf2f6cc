import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import { postgresSkipReason, type ScratchDatabase, scratchDatabase } from '../../test/helpers/postgres.js';
import { tempDir } from '../../test/helpers/repo.js';
import type { HerdSummary, RepoReport } from '../engine/report.js';
import type { CohortQuery, DashboardData } from '../server/data.js';
import { DEFAULT_QUERY } from '../server/query.js';
import { dashboardData } from './dashboard-queries.js';
import { openStore, type Store } from './index.js';

/**
 * The dashboard's SQL, run on SQLite and on PostgreSQL with the same cohort: filters, sorting,
 * paging, chart numbers, history and reports. The cohort is the sample report's repository in
 * eight variants with known scores, flags, datasets, tags and dates.
 */

const BASE = SAMPLE_REPORT.repos[0] as RepoReport;

function dataset(id: string, name: string): HerdSummary {
  return { id, name, confidence: 0.9, role: 'flagship', evidence: [] };
}

interface Variant {
  name: string;
  score: number | null;
  runnable: number | null;
  flags: number;
  datasets?: HerdSummary[];
  tag: string;
  lastCommit: string;
}

const VARIANTS: Variant[] = [
  { name: 'alpha', score: 91, runnable: 9, flags: 0, tag: 'spring', lastCommit: '2026-03-02' },
  { name: 'bravo', score: 75, runnable: 8, flags: 1, tag: 'spring', lastCommit: '2026-03-20' },
  {
    name: 'charlie',
    score: 64,
    runnable: 3,
    flags: 2,
    tag: 'spring',
    lastCommit: '2026-02-10',
    datasets: [dataset('titanic', 'Kaggle Titanic')],
  },
  {
    name: 'delta_100%',
    score: 38,
    runnable: 2,
    flags: 3,
    tag: 'spring',
    lastCommit: '2026-01-15',
    datasets: [dataset('titanic', 'Kaggle Titanic'), dataset('iris', 'Iris')],
  },
  {
    name: 'echo',
    score: 12,
    runnable: 1,
    flags: 1,
    tag: 'autumn',
    lastCommit: '2025-10-01',
    datasets: [dataset('iris', 'Iris')],
  },
  { name: 'Foxtrot', score: 55, runnable: null, flags: 0, tag: 'autumn', lastCommit: '2025-11-11' },
  { name: 'golf', score: null, runnable: null, flags: 0, tag: 'autumn', lastCommit: '2025-09-01' },
  { name: 'hotel', score: 40, runnable: 4, flags: 0, tag: 'autumn', lastCommit: '2025-12-24' },
];

function reportOf(v: Variant): RepoReport {
  return {
    ...BASE,
    name: v.name,
    path: `/cohort/${v.name}`,
    root: `/cohort/${v.name}`,
    score: v.score,
    route: { id: v.datasets ? 'herd' : 'own-data', reasons: [] },
    redFlags: Array.from({ length: v.flags }, (_, i) => `${v.name} red flag ${i + 1}`),
    principles: BASE.principles.map((p) => (p.principle === 'runnable' ? { ...p, score: v.runnable } : p)),
    facts: BASE.facts && {
      ...BASE.facts,
      stockDatasets: v.datasets ?? [],
      capstones: [],
      git: BASE.facts.git && { ...BASE.facts.git, lastCommit: `${v.lastCommit}T12:00:00Z` },
    },
  };
}

async function seed(store: Store): Promise<void> {
  for (const [i, v] of VARIANTS.entries()) {
    // Runs on the Monday of 2026-03-02's week, one week apart for the first four.
    await store.recordRun(reportOf(v), {
      key: {
        repo: `/cohort/${v.name}`,
        commit: `c${i}`.padEnd(40, '0'),
        toolVersion: '0.1.0',
        configHash: 'x',
      },
      recordedAt: `2026-03-${String(2 + (i % 4) * 7).padStart(2, '0')}T10:00:00Z`,
      tags: [v.tag],
    });
  }
  // alpha again three weeks on, on the same commit, with a better score; and bravo on a new commit.
  await store.recordRun(
    { ...reportOf(VARIANTS[0]!), score: 93 },
    {
      key: { repo: '/cohort/alpha', commit: 'c0'.padEnd(40, '0'), toolVersion: '0.1.1', configHash: 'x' },
      recordedAt: '2026-04-06T10:00:00Z',
      tags: ['spring'],
    },
  );
  await store.recordRun(reportOf(VARIANTS[1]!), {
    key: { repo: '/cohort/bravo', commit: 'd1'.padEnd(40, '0'), toolVersion: '0.1.1', configHash: 'x' },
    recordedAt: '2026-04-07T10:00:00Z',
    tags: ['spring'],
  });
}

const q = (over: Partial<CohortQuery> = {}): CohortQuery => ({ ...DEFAULT_QUERY, ...over });

function contract(
  engine: string,
  open: () => Promise<{ store: Store; done(): Promise<void> }>,
  skip: () => string | false,
) {
  describe(`dashboard queries on ${engine}`, () => {
    let opened: { store: Store; done(): Promise<void> } | undefined;
    let data: DashboardData;
    const names = async (over: Partial<CohortQuery>) => (await data.cohort(q(over))).rows.map((r) => r.name);

    before(async () => {
      if (skip()) return;
      opened = await open();
      await seed(opened.store);
      data = dashboardData(opened.store.db);
    });
    after(async () => {
      await opened?.done();
    });

    it('lists each repository once, its latest run, best score first and unscored last', {
      skip: skip(),
    }, async () => {
      const page = await data.cohort(q());
      assert.equal(page.stats.total, 8);
      assert.deepEqual(
        page.rows.map((r) => [r.name, r.score]),
        [
          ['alpha', 93],
          ['bravo', 75],
          ['charlie', 64],
          ['Foxtrot', 55],
          ['hotel', 40],
          ['delta_100%', 38],
          ['echo', 12],
          ['golf', null],
        ],
      );
      const alpha = page.rows[0]!;
      assert.equal(alpha.recordedAt, '2026-04-06T10:00:00.000Z');
      assert.equal(alpha.lastActivity, '2026-03-02T12:00:00.000Z');
      assert.deepEqual(alpha.redFlags, []);
      assert.ok(alpha.principles.some((p) => p.principle === 'runnable' && p.score === 9));
      const charlie = page.rows[2]!;
      assert.deepEqual(charlie.herd, ['Kaggle Titanic']);
      assert.equal(charlie.route, 'herd');
      assert.deepEqual(charlie.redFlags, ['charlie red flag 1', 'charlie red flag 2']);
    });

    it('sorts by name, flags, activity, last run and a sub-score, both ways, unscored last', {
      skip: skip(),
    }, async () => {
      assert.deepEqual(await names({ sort: 'name', dir: 'asc' }), [
        'alpha',
        'bravo',
        'charlie',
        'delta_100%',
        'echo',
        'Foxtrot',
        'golf',
        'hotel',
      ]);
      assert.deepEqual((await names({ sort: 'flags', dir: 'desc' })).slice(0, 2), ['delta_100%', 'charlie']);
      assert.deepEqual((await names({ sort: 'activity', dir: 'asc' })).slice(0, 2), ['golf', 'echo']);
      assert.deepEqual((await names({ sort: 'recorded', dir: 'desc' })).slice(0, 2), ['bravo', 'alpha']);
      const byRunnable = await names({ sort: 'principle', sortPrinciple: 'runnable', dir: 'asc' });
      assert.deepEqual(byRunnable, [
        'echo',
        'delta_100%',
        'charlie',
        'hotel',
        'bravo',
        'alpha',
        'Foxtrot',
        'golf',
      ]);
      const down = await names({ sort: 'principle', sortPrinciple: 'runnable', dir: 'desc' });
      assert.deepEqual(down.slice(-2), ['Foxtrot', 'golf'], 'unscored stay last');
    });

    it('filters by band, red flags, stock dataset, sub-score, tag and name, in any combination', {
      skip: skip(),
    }, async () => {
      assert.deepEqual(await names({ band: 'high' }), ['alpha', 'bravo']);
      assert.deepEqual(await names({ band: 'low' }), ['delta_100%', 'echo']);
      assert.deepEqual(await names({ redFlags: true, sort: 'name', dir: 'asc' }), [
        'bravo',
        'charlie',
        'delta_100%',
        'echo',
      ]);
      assert.deepEqual(await names({ dataset: 'titanic' }), ['charlie', 'delta_100%']);
      assert.deepEqual(await names({ dataset: '*' }), ['charlie', 'delta_100%', 'echo']);
      assert.deepEqual(await names({ dataset: 'tit%' }), [], 'LIKE characters are literal');
      assert.deepEqual(await names({ below: { principle: 'runnable', score: 4 } }), [
        'charlie',
        'delta_100%',
        'echo',
      ]);
      assert.deepEqual(await names({ tag: 'autumn' }), ['Foxtrot', 'hotel', 'echo', 'golf']);
      assert.deepEqual(await names({ tag: 'spring', redFlags: true, dataset: 'iris' }), ['delta_100%']);
      assert.deepEqual(await names({ route: 'herd' }), ['charlie', 'delta_100%', 'echo']);
      assert.deepEqual(await names({ route: 'herd', band: 'low', tag: 'autumn' }), ['echo']);
      assert.deepEqual(await names({ search: 'FOX' }), ['Foxtrot']);
      assert.deepEqual(await names({ search: '_100%' }), ['delta_100%']);
      assert.deepEqual(await names({ search: '0_' }), [], 'an underscore matches itself only');
      assert.deepEqual(await names({ tag: 'nobody' }), []);
    });

    it('pages in SQL and counts every match', { skip: skip() }, async () => {
      const second = await data.cohort(q({ pageSize: 3, page: 2 }));
      assert.equal(second.stats.total, 8);
      assert.deepEqual(
        second.rows.map((r) => r.name),
        ['Foxtrot', 'hotel', 'delta_100%'],
      );
      assert.deepEqual((await data.cohort(q({ pageSize: 3, page: 9 }))).rows, []);
      const all: string[] = [];
      for await (const row of data.cohortRows(q({ pageSize: 3 }))) all.push(row.name);
      assert.equal(all.length, 8, 'the export ignores paging');
      assert.equal(all[0], 'alpha');
    });

    it('computes the charts of the filtered cohort', { skip: skip() }, async () => {
      const stats = (await data.cohort(q())).stats;
      assert.equal(stats.total, 8);
      assert.deepEqual(stats.scoreBins, [0, 1, 0, 1, 1, 1, 1, 1, 0, 1]);
      assert.equal(stats.unscored, 1);
      const runnable = stats.missed.find((m) => m.principle === 'runnable');
      assert.deepEqual(runnable, { principle: 'runnable', below: 4, scored: 6 });
      assert.deepEqual(stats.datasets, [
        { id: 'iris', name: 'Iris', repos: 2 },
        { id: 'titanic', name: 'Kaggle Titanic', repos: 2 },
      ]);
      assert.deepEqual(stats.weeks, [
        { week: '2026-03-02', runs: 2, newCommits: 2 },
        { week: '2026-03-09', runs: 2, newCommits: 2 },
        { week: '2026-03-16', runs: 2, newCommits: 2 },
        { week: '2026-03-23', runs: 2, newCommits: 2 },
        { week: '2026-03-30', runs: 0, newCommits: 0 },
        { week: '2026-04-06', runs: 2, newCommits: 1 },
      ]);
      const spring = (await data.cohort(q({ tag: 'spring', dataset: 'titanic' }))).stats;
      assert.equal(spring.total, 2);
      assert.deepEqual(
        spring.datasets.map((d) => d.id),
        ['titanic', 'iris'],
        'the dataset list ignores its own filter',
      );
      assert.equal(
        spring.weeks.reduce((n, w) => n + w.runs, 0),
        2,
      );
    });

    it('lists tags with their repositories', { skip: skip() }, async () => {
      assert.deepEqual(await data.tags(), [
        { tag: 'autumn', repos: 4 },
        { tag: 'spring', repos: 4 },
      ]);
    });

    it("reads a repository's history, oldest first, and one run's report, only through its own repository", {
      skip: skip(),
    }, async () => {
      const alphaRow = (await data.cohort(q({ search: 'alpha' }))).rows[0]!;
      const history = await data.repo(alphaRow.repoId);
      assert.ok(history);
      assert.equal(history.name, 'alpha');
      assert.deepEqual(history.tags, ['spring']);
      assert.deepEqual(
        history.runs.map((r) => [r.score, r.toolVersion]),
        [
          [91, '0.1.0'],
          [93, '0.1.1'],
        ],
      );
      const report = await data.report(alphaRow.repoId, history.runs[0]!.runId);
      assert.equal(report?.score, 91);
      const other = (await data.cohort(q({ search: 'bravo' }))).rows[0]!;
      assert.equal(await data.report(other.repoId, history.runs[0]!.runId), null);
      assert.equal(await data.repo('no-such-repo'), null);
    });
  });
}

contract(
  'SQLite',
  async () => {
    const store = await openStore(join(tempDir(), 'store.db'));
    return { store, done: () => store.close() };
  },
  () => false,
);

const pgSkip = await postgresSkipReason();
contract(
  'PostgreSQL',
  async () => {
    const scratch: ScratchDatabase = await scratchDatabase('unherd_dash_');
    const store = await openStore(scratch.url);
    return {
      store,
      done: async () => {
        await store.close();
        await scratch.drop();
      },
    };
  },
  () => pgSkip ?? false,
);
