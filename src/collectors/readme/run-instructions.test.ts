import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo, collectOne } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';

describe('run instructions in other forms and stacks', () => {
  it('reads numbered setup steps with bare command lines, and R, dbt and infrastructure commands', async () => {
    const dir = repo({
      'README.md': [
        '# Shop analytics',
        '',
        '1. Install the packages',
        '   npm install',
        '2. Build the models: `dbt run`',
        '3. Deploy: `rsconnect::deployApp("app")`',
        '',
        '```powershell',
        'nextflow run main.nf -params-file params.yml',
        'kind create cluster --config kind.yaml',
        'terraform apply',
        '```',
        '',
        'We run dbt nightly and it works well.',
      ].join('\n'),
    });
    const readme = await collectOne(dir, 'readme');
    assert.deepEqual(
      readme.runCommands.map((c) => [c.command, c.line]),
      [
        ['npm install', 4],
        ['dbt run', 5],
        ['rsconnect::deployApp("app")', 6],
        ['nextflow run main.nf -params-file params.yml', 9],
        ['kind create cluster --config kind.yaml', 10],
        ['terraform apply', 11],
      ],
    );
    assert.equal(readme.runInstructionsIn, 'README.md');
  });

  it('takes the README of the single project folder when the root has none', async () => {
    const dir = repo({
      'dash/README.md':
        '# Dash app\n\n1. Install:\n   ```bash\n   pip install dash pandas\n   ```\n2. Run `python app.py`\n',
      'dash/app.py': 'import dash\n',
      'notebooks/eda.ipynb': '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
    });
    const readme = (await analyseRepo(dir)).facts?.readme;
    assert.equal(readme?.present, false);
    assert.equal(readme?.runInstructions, true);
    assert.equal(readme?.runInstructionsIn, 'dash/README.md');
  });

  it('does not take one of several project READMEs, nor a sentence about a tool, as instructions', async () => {
    const dir = repo({
      'README.md': '# Nanodegree\n\nWe use pip and docker throughout.\n',
      'p1/README.md': '# One\n\n```bash\npython one.py\n```\n',
      'p2/README.md': '# Two\n\n```bash\npython two.py\n```\n',
    });
    const readme = (await analyseRepo(dir)).facts?.readme;
    assert.equal(readme?.runInstructions, false);
    assert.equal(readme?.runInstructionsIn, null);
  });
});

describe('languages', () => {
  it('counts R Markdown as R and Stata do-files, and leaves out markup and bundled scripts', async () => {
    const dir = repo({
      'analysis.Rmd': `---\ntitle: x\n---\n\n\`\`\`{r}\n${'x <- 1\n'.repeat(40)}\`\`\`\n`,
      'clean.do': 'use "data.dta"\n'.repeat(10),
      'report.html': `<html>${'<p>x</p>'.repeat(500)}</html>`,
      'static/vendor/chart.js': 'var x = 1;\n'.repeat(500),
      'site/app.min.js': 'var y=2;'.repeat(500),
    });
    const languages = (await analyseRepo(dir)).facts?.languages ?? {};
    assert.deepEqual(Object.keys(languages), ['R', 'Stata']);
  });

  it('does not take a sentence naming a tool, a bare tool in a list, or an R function named without arguments', async () => {
    const dir = repo({
      'README.md': [
        '# Workflow',
        '',
        'Snakemake is a workflow manager that builds a graph of jobs.',
        'With more cores,',
        'snakemake is allowed to run more than one job at a time.',
        '',
        'Tools:',
        '',
        '- pytest',
        '- Docker Compose: usually included with Docker Desktop',
        '',
        'Install the first four with `install.packages()`.',
      ].join('\n'),
    });
    const readme = await collectOne(dir, 'readme');
    assert.deepEqual(readme.runCommands, []);
  });

  it('reads commands behind sudo, nohup or a prompt, and java -cp, as numbered steps give them', async () => {
    const dir = repo({
      'README.md': [
        '# Fraud detection',
        '',
        '1. Start the producer',
        '\tnohup node server.js &',
        '2. Start the alerts',
        '\tjava -cp target/alerts.jar com.example.Alerts',
        '',
        '$ ./run-benchmark.sh to measure the runtime of every ordering.',
      ].join('\n'),
    });
    const readme = await collectOne(dir, 'readme');
    assert.deepEqual(
      readme.runCommands.map((c) => c.command),
      [
        'nohup node server.js &',
        'java -cp target/alerts.jar com.example.Alerts',
        './run-benchmark.sh to measure the runtime of every ordering.',
      ],
    );
  });

  it("does not take one part's README for the repository's when the root has its own", async () => {
    const dir = repo({
      'README.md': '# House prices\n\nA model served by Flask with a Next.js front end.\n',
      'client/README.md': '# Next app\n\n```bash\nnpm run dev\n```\n',
      'client/app/page.js': 'export default function Page() {}\n',
      'client/app/layout.js': 'export default function Layout() {}\n',
      'server/app.py': 'import flask\n',
      'server/util.py': 'x = 1\n',
      'model/train.ipynb': '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
    });
    const readme = (await analyseRepo(dir)).facts?.readme;
    assert.equal(readme?.runInstructions, false);
    assert.equal(readme?.runInstructionsIn, null);
  });

  it('takes the README of the folder that holds the project under a root README that is a title', async () => {
    const dir = repo({
      'README.md': '# Bikes\n\nDemand forecasts for Lisbon.\n',
      'bikes/README.md': '# Bikes\n\n```bash\npython -m bikes.train\n```\n',
      'bikes/bikes/train.py': 'print(1)\n',
      'bikes/bikes/features.py': 'print(2)\n',
    });
    const readme = (await analyseRepo(dir)).facts?.readme;
    assert.equal(readme?.runInstructions, true);
    assert.equal(readme?.runInstructionsIn, 'bikes/README.md');
  });
});
