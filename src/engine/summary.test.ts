import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf } from '../../test/helpers/facts.js';
import { repo, spreadCommits } from '../../test/helpers/repo.js';
import type { CheckResult } from '../checks/types.js';
import type { DataFacts } from '../collectors/data/types.js';
import type { GitFacts } from '../collectors/git/types.js';
import type { ReadmeFacts } from '../collectors/readme/types.js';
import type { TreeFacts } from '../collectors/tree/types.js';
import { scoreChecks } from '../scoring/policy.js';
import { analyseRepo } from './analyse.js';
import { writeSummary } from './summary.js';

const tree: TreeFacts = {
  root: '/r',
  isGitRepo: true,
  files: [{ path: 'src/model.py', size: 900, kind: 'python', ext: 'py', tracked: true }],
  vendored: [],
  skipped: [],
  truncated: false,
  totalBytes: 900,
  languageBytes: { Python: 900 },
};

const readme: ReadmeFacts = {
  present: true,
  path: 'README.md',
  format: 'markdown',
  encoding: 'utf-8',
  truncated: false,
  title: 'Bike demand in Lyon',
  intro: 'Predicting hourly bike-share demand from weather. It uses two years of trips.',
  words: 300,
  sections: [],
  links: [],
  images: [],
  codeBlocks: [],
  runCommands: [],
  badges: 0,
  metrics: [],
  baselineMentions: [],
  placeholders: [],
};

function git(overrides: Partial<GitFacts>): GitFacts {
  return {
    empty: false,
    shallow: false,
    commitCount: 40,
    humanCommitCount: 40,
    botCommits: 0,
    commits: [],
    authors: [{ name: 'Ada', emails: ['ada@example.com'], aliases: [], commits: 40, isBot: false }],
    firstCommit: '2024-01-01T12:00:00Z',
    lastCommit: '2024-02-26T12:00:00Z',
    spanDays: 56,
    activeDays: 30,
    activeWeeks: 8,
    longestGapDays: 4,
    mergeCommits: 0,
    branches: ['main'],
    distinctBranches: [],
    currentBranch: 'main',
    truncated: false,
    messages: {
      lowInformation: 0,
      judged: 40,
      veryShort: 0,
      descriptive: 40,
      medianSubjectLength: 30,
      examples: [],
    },
    largestCommit: null,
    ...overrides,
  };
}

function check(
  code: string,
  severity: 'high' | 'low',
  outcome: 'pass' | 'fail',
  message?: string,
): CheckResult {
  return {
    check: code,
    name: code,
    title: `${code} title`,
    principle: 'runnable',
    severity,
    outcome,
    credit: outcome === 'pass' ? 1 : 0,
    reason: null,
    findings: message
      ? [
          {
            check: code,
            name: code,
            principle: 'runnable',
            severity,
            outcome,
            messageId: 'm',
            message,
            evidence: [],
          },
        ]
      : [],
  };
}

describe('writeSummary', () => {
  it('says what problem, what stack, how it was built, what stands out and the red flags', () => {
    const results = [
      check('INF101', 'high', 'pass', '14 test functions in 3 files.'),
      check('SIG101', 'high', 'pass', 'Collects its own data with requests+bs4'),
      check('X1', 'high', 'pass', 'No retired Boston Housing data'),
      check('X2', 'high', 'fail', 'Data read from /Users/ada/Desktop'),
      check('X3', 'low', 'fail'),
    ];
    const { summary, highlights, redFlags } = writeSummary(
      factsOf({ tree, readme, git: git({}) }),
      results,
      scoreChecks(results),
    );
    assert.match(summary, /^"Bike demand in Lyon": Predicting hourly bike-share demand from weather\./);
    assert.match(summary, /written in Python 100%/);
    assert.match(summary, /40 commits over 8 weeks \(30 active days\) by 1 author/);
    // Strengths are evidence of work done, most valuable first; passing by absence is not one.
    assert.match(
      summary,
      /Stands out: Collects its own data with requests\+bs4; 14 test functions in 3 files\./,
    );
    assert.deepEqual(highlights, ['Collects its own data with requests+bs4', '14 test functions in 3 files']);
    assert.deepEqual(redFlags, ['Data read from /Users/ada/Desktop']);
  });

  it('calls a one-day history dominated by one commit a single upload', () => {
    const upload = git({
      commitCount: 2,
      humanCommitCount: 2,
      spanDays: 0,
      activeDays: 1,
      largestCommit: {
        hash: 'abc',
        subject: 'Add files via upload',
        filesChanged: 20,
        insertions: 900,
        share: 0.97,
      },
    });
    const { summary } = writeSummary(factsOf({ tree, readme, git: upload }), [], scoreChecks([]));
    assert.match(summary, /a single upload \(2 commits on one day\)/);
  });

  it('writes around collectors that are unavailable instead of guessing', () => {
    const { summary, highlights, redFlags } = writeSummary(factsOf({}), [], scoreChecks([]));
    assert.equal(summary, 'Nothing could be read from this repository.');
    assert.deepEqual([highlights, redFlags], [[], []]);
  });

  it('says when there is no README', () => {
    const { summary } = writeSummary(
      factsOf({ readme: { ...readme, present: false, title: null, intro: null } }),
      [],
      scoreChecks([]),
    );
    assert.match(summary, /no README/);
  });

  it('summarises a real synthetic repository', async () => {
    const dir = repo(
      { 'README.md': '# Rain nowcasting\n\nShort-term rain forecasts from radar images.\n' },
      { commits: spreadCommits('2024-01-01', 42, 12) },
    );
    const report = await analyseRepo(dir);
    assert.equal(report.error, null);
    assert.match(report.summary, /Rain nowcasting/);
  });
});

describe('red flags in the summary', () => {
  it('leads with originality, then history, and tells one flag per principle', () => {
    const results = [
      check('DEP101', 'high', 'fail', 'No manifest declares the dependencies'),
      check('GIT101', 'high', 'fail', 'The whole project arrived in 1 commit'),
      check('GIT102', 'high', 'fail', 'The history spans 0 days'),
      check('HRD101', 'high', 'fail', 'The project is built on Kaggle Titanic'),
    ].map((r) => ({
      ...r,
      principle: (r.check.startsWith('HRD')
        ? 'original-problem'
        : r.check.startsWith('GIT')
          ? 'one-deep-project'
          : 'runnable') as CheckResult['principle'],
    }));
    const { summary, redFlags } = writeSummary(factsOf({}), results, scoreChecks(results));
    assert.match(
      summary,
      /Red flags: The project is built on Kaggle Titanic; The whole project arrived in 1 commit; No manifest declares the dependencies\./,
    );
    assert.equal(redFlags.length, 4, 'the full list keeps every red flag');
  });
});

describe('the summary reads as one paragraph a person wrote', () => {
  const replicationIntro =
    'This readme file describes the structure of the replication package for the study of criminal mines.';

  it('never opens with a hostile title: markup and punctuation junk are dropped, words kept', () => {
    const junk = writeSummary(
      factsOf({ readme: { ...readme, title: '"">:<img src=x onerror=alert(1)>' } }),
      [],
      scoreChecks([]),
    ).summary;
    assert.match(junk, /^The README opens: Predicting hourly bike-share demand from weather\./);
    const wrapped = writeSummary(
      factsOf({ readme: { ...readme, title: '"">: Bikes in Lyon <svg onload=alert(2)>' } }),
      [],
      scoreChecks([]),
    ).summary;
    assert.match(wrapped, /^"Bikes in Lyon": Predicting/);
    const bracketed = writeSummary(
      factsOf({ readme: { ...readme, title: '[Reproducibility Challenge] RigL' } }),
      [],
      scoreChecks([]),
    ).summary;
    assert.match(bracketed, /^"\[Reproducibility Challenge\] RigL": /);
  });

  it("quotes the README's question once, and a strength does not repeat the route's quotation", () => {
    const results = [
      check(
        'SIG101',
        'high',
        'pass',
        'The data was gathered by the author: You are here because you want to control SD in your own way',
      ),
    ];
    const route = {
      id: 'own-data' as const,
      reasons: [
        'says the author gathered the data: "You are here because you want to control SD in your own way"',
        `opens its README with its question: "${replicationIntro.slice(0, 70)}…"`,
      ],
    };
    const { summary } = writeSummary(
      factsOf({ readme: { ...readme, title: 'Criminal mines', intro: replicationIntro } }),
      results,
      scoreChecks(results),
      route,
    );
    assert.equal(summary.split('This readme file describes').length, 2, summary);
    assert.equal(summary.split('You are here because').length, 2, summary);
    assert.match(summary, /opens its README with its question\./);
    assert.match(summary, /Stands out: The data was gathered by the author\./);
  });

  it('cuts quotations at a word, as plain text, with their quote marks paired', () => {
    const route = {
      id: 'own-data' as const,
      reasons: [
        `says the author gathered the data: "We built on [Tim Dettmer's sparselearning](ht…"`,
        'says it replicates it: "**All aggregate and per-article derived data needed to reproduce the"',
        'cites it: "This is the replication package for [*Program Evaluation with Remotely Sensed…"',
      ],
    };
    const intro = `This package holds the code needed to replicate the results in "Skill-Biased Structural Change" ${'and more words '.repeat(30)}`;
    const results = [
      check(
        'SIG101',
        'high',
        'pass',
        "The data was gathered by the author: We built on [Tim Dettmer's sparselearning](https://github.com/TimDettmers/sparse_learning)",
      ),
    ];
    const { summary } = writeSummary(
      factsOf({ readme: { ...readme, intro: intro.slice(0, 500) } }),
      results,
      scoreChecks(results),
      route,
    );
    assert.match(summary, /"We built on Tim Dettmer's sparselearning…"/);
    assert.match(summary, /Stands out: The data was gathered by the author\./);
    assert.match(summary, /"All aggregate and per-article derived data needed to reproduce the…"/);
    assert.match(summary, /"This is the replication package for Program Evaluation with Remotely Sensed…"/);
    assert.doesNotMatch(summary, /\]\(|\*|\[/);
    assert.equal((summary.match(/"/g)?.length ?? 0) % 2, 0, summary);
  });

  it('gives one figure for the history: 41 days short of six weeks is 5 weeks, never "6 weeks"', () => {
    const short = check(
      'GIT102',
      'high',
      'fail',
      'The history spans 5 weeks, a deep project takes 6 weeks or more',
    );
    const { summary } = writeSummary(
      factsOf({ tree, readme, git: git({ spanDays: 41 }) }),
      [short],
      scoreChecks([short]),
    );
    assert.match(
      summary,
      /over 5 weeks \(30 active days\) by 1 author, short of the six weeks a deep project takes/,
    );
    assert.doesNotMatch(summary, /6 weeks/);
  });

  it('lists columns with a count of the rest, keeps the data parts apart, and leaves build files out of the stack', () => {
    const data = {
      files: [
        {
          path: 'data/trips.csv',
          format: 'csv',
          columns: ['', 'station', 'start', 'end', 'duration', 'rider', 'weather', 'holiday'],
        },
      ],
      references: [{ file: 'train.py', line: 3, path: 'data/trips.csv' }],
      downloadSteps: [],
    } as unknown as DataFacts;
    const withBuild = { ...tree, languageBytes: { Python: 900, Dockerfile: 100, Shell: 1 } };
    const { summary } = writeSummary(factsOf({ tree: withBuild, readme, data }), [], scoreChecks([]));
    assert.match(
      summary,
      /Data: 1 data file \(csv\), e\.g\. data\/trips\.csv with columns station, start, end, duration, rider and 2 more; 1 place in the code that read data\./,
    );
    assert.match(summary, /Stack: written in Python 100%\./);
    assert.doesNotMatch(summary, /…\.|Dockerfile/);
  });
});
