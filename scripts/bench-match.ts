/**
 * Match benchmark: 100 job ads against a 5-repository portfolio, timed on the compiled code the
 * CLI runs.
 *
 *   npm run bench:match -- [--ads <folder>] [--real <dir>] [--runs 7]
 *
 * The ads are the files of `--ads` (default /work/ads-real/ads when present, else our own fixtures
 * in test/fixtures/ads), repeated until there are 100. The portfolio is five repositories of the
 * evaluation set under `--real` when present, else five small repositories generated here. The
 * portfolio is audited once (timed apart: it is the audit's cost, not the matcher's); then each run
 * reads, splits, matches and renders all 100 ads. Reported: median of the runs, and the ratio to a
 * baseline measured in the same run — reading the same 100 files from disk and nothing else.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const built = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { auditPaths } = (await built('engine/audit.js')) as typeof import('../src/engine/audit.js');
const { readAd } = (await built('match/ad/read.js')) as typeof import('../src/match/ad/read.js');
const { portfolioFromAudit } = (await built(
  'match/portfolio.js',
)) as typeof import('../src/match/portfolio.js');
const { matchAds } = (await built('match/match.js')) as typeof import('../src/match/match.js');
const { renderMatch } = (await built('match/reporters.js')) as typeof import('../src/match/reporters.js');
const { loadVocabulary } = (await built(
  'match/vocabulary.js',
)) as typeof import('../src/match/vocabulary.js');

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const runs = Number(arg('runs', '7'));
const adsDir = arg('ads', existsSync('/work/ads-real/ads') ? '/work/ads-real/ads' : 'test/fixtures/ads');
const realRoot = arg('real', '/work/real');
const REAL = [
  'Ch3rry-Pi3-AI+MLOps-House-Price-Prediction',
  'awaisajaz1+earthquake-airflow-pipeline',
  'Ddscully+dlt-dbt-duckdb-evidence',
  'Moun-7259+CreditCardFraudDetection_R',
  'BSydo+MNIST-Keras-tensorflow--CNN',
];

function syntheticRepos(): string[] {
  const root = mkdtempSync(join(tmpdir(), 'unherd-bench-match-'));
  const files: Record<string, string>[] = [
    {
      'train.py': 'import pandas as pd\nimport torch\nloss = model(x)\nloss.backward()\n',
      Dockerfile: 'FROM python:3.12\n',
    },
    { 'q.sql': 'SELECT 1;\n', 'dags/etl.py': 'import airflow\n' },
    {
      'app.py': 'import streamlit as st\nimport plotly\n',
      'README.md': '# Dashboard\n\nBuilt with Tableau too.\n',
    },
    { 'analysis.R': 'library(ggplot2)\nt.test(a, b)\n' },
    {
      'model.py': 'from sklearn.linear_model import LogisticRegression\nLogisticRegression().fit(X, y)\n',
      'tests/test_model.py': 'def test_x():\n    assert True\n',
    },
  ];
  return files.map((tree, i) => {
    const dir = join(root, `repo${i}`);
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const git = (...a: string[]) =>
      execFileSync('git', ['-C', dir, ...a], {
        stdio: 'ignore',
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' },
      });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=b', '-c', 'user.email=b@example.org', 'commit', '-qm', 'init');
    return dir;
  });
}

const realPaths = REAL.map((r) => join(realRoot, r));
const useReal = realPaths.every(existsSync);
const repos = useReal ? realPaths : syntheticRepos();
const files = readdirSync(adsDir)
  .filter((f) => /\.(txt|md|html?)$/.test(f))
  .map((f) => join(adsDir, f));
const ads = Array.from({ length: 100 }, (_, i) => files[i % files.length]!);

const vocabulary = loadVocabulary();
let t = performance.now();
const audit = await auditPaths(repos, { jobs: 2 });
const { portfolio, repos: portfolioRepos } = await portfolioFromAudit(audit, vocabulary);
const auditMs = performance.now() - t;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const matchTimes: number[] = [];
const readTimes: number[] = [];
let items = 0;
for (let r = 0; r < runs; r++) {
  t = performance.now();
  for (const p of ads) readFileSync(p);
  readTimes.push(performance.now() - t);
  t = performance.now();
  const read = await Promise.all(ads.map((p) => readAd(p)));
  const report = matchAds(read, portfolio, portfolioRepos, vocabulary);
  renderMatch('json', report);
  matchTimes.push(performance.now() - t);
  items = report.ads.reduce((n, a) => n + a.requirements.length, 0);
}
if (!useReal) rmSync(join(repos[0]!, '..'), { recursive: true, force: true });

const m = median(matchTimes);
const b = median(readTimes);
console.log(
  `portfolio: ${repos.length} repositories (${useReal ? 'evaluation set' : 'generated'}), audited and collected once in ${(auditMs / 1000).toFixed(1)} s`,
);
console.log(`ads: 100 (${files.length} distinct files from ${adsDir}), ${items} requirement items per run`);
console.log(
  `match 100 ads × ${repos.length} repositories: median ${m.toFixed(0)} ms over ${runs} runs (min ${Math.min(...matchTimes).toFixed(0)}, max ${Math.max(...matchTimes).toFixed(0)})`,
);
console.log(`baseline, reading the 100 files only: median ${b.toFixed(1)} ms; ratio ${(m / b).toFixed(0)}×`);
console.log(`target < 5 s: ${m < 5000 ? 'met' : 'NOT met'}`);
