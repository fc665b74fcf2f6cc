import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectOne } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';

const FULL = `# Predicting bike-share demand in Lisbon

[![CI](https://github.com/ada/bikes/actions/workflows/ci.yml/badge.svg)](https://github.com/ada/bikes/actions)
![python](https://img.shields.io/badge/python-3.11-blue)

City planners need to know where bikes will run out tomorrow so vans can move them overnight.

## Problem

Stations empty by 9am and nobody knows which ones until it happens.

## Data

Hourly station counts collected from the [Gira API](https://example.org/gira) since March.

## Approach

Gradient boosting on weather and calendar features.

## Baseline

A naive forecast (same hour last week) reaches an RMSE of 4.1 bikes.

## Results

The model reaches RMSE 2.7 and an F1 of 0.81 for the "will run out" flag.

| Model | RMSE | F1 |
|---|---|---|
| Seasonal naive baseline | 4.1 | 0.55 |
| LightGBM | **2.7** | 0.81 |

<img src="figures/map.png" alt="stations at risk">

## Installation

\`\`\`bash
$ conda env create -f environment.yml
pip install -r requirements.txt
\`\`\`

## Usage

Run \`python -m bikes.train\` then \`make report\`.

\`\`\`python
import bikes
\`\`\`

## Limitations and next steps

Only one city; weekends are poorly predicted.

## Project structure

See the tree below.

## License

MIT
`;

describe('readme collector', () => {
  it('reads a complete README: sections, commands, metrics, baseline, images, badges', async () => {
    const dir = repo({ 'README.md': FULL, 'readme.txt': 'old' }, { git: false });
    const r = await collectOne(dir, 'readme');
    assert.equal(r.present, true);
    assert.equal(r.path, 'README.md');
    assert.equal(r.format, 'markdown');
    assert.equal(r.title, 'Predicting bike-share demand in Lisbon');
    assert.match(r.intro ?? '', /^City planners need/);
    const kinds = r.sections.map((s) => s.kind);
    assert.deepEqual(kinds, [
      'other',
      'problem',
      'data',
      'method',
      'baseline',
      'results',
      'installation',
      'how-to-run',
      'limitations',
      'structure',
      'license',
    ]);
    const problem = r.sections.find((s) => s.kind === 'problem');
    assert.equal(problem?.line, 8);
    assert.equal(problem?.words, 12);
    assert.deepEqual(
      r.runCommands.map((c) => [c.command, c.line]),
      [
        ['conda env create -f environment.yml', 38],
        ['pip install -r requirements.txt', 39],
        ['python -m bikes.train', 44],
        ['make report', 44],
      ],
    );
    assert.equal(r.badges, 2);
    assert.deepEqual(r.images, [{ src: 'figures/map.png', alt: 'stations at risk', line: 33 }]);
    assert.ok(r.metrics.some((m) => m.line === 26 && /RMSE 2\.7/.test(m.text)));
    assert.ok(r.metrics.some((m) => m.line === 31 && m.text === 'RMSE: 2.7'));
    assert.ok(r.baselineMentions.some((b) => b.line === 22));
    assert.ok(
      r.links.some((l) => l.url === 'https://example.org/gira' && l.text === 'Gira API' && l.line === 14),
    );
    assert.deepEqual(
      r.codeBlocks.map((b) => [b.lang, b.line]),
      [
        ['bash', 38],
        ['python', 47],
      ],
    );
    assert.deepEqual(r.placeholders, []);
    assert.ok(r.words > 100);
  });

  it('reads a two-line README as thin, with no sections or commands', async () => {
    const dir = repo({ 'readme.MD': '# titanic\nmy project\n' }, { git: false });
    const r = await collectOne(dir, 'readme');
    assert.equal(r.path, 'readme.MD');
    assert.equal(r.words, 3);
    assert.deepEqual(r.runCommands, []);
    assert.deepEqual(r.metrics, []);
    assert.equal(r.intro, null);
  });

  it('finds template leftovers', async () => {
    const text =
      '# Project Title\n\nOne Paragraph of project description goes here\n\n{{cookiecutter.project_name}}\n';
    const r = await collectOne(repo({ 'README.md': text }, { git: false }), 'readme');
    assert.deepEqual(
      r.placeholders.map((p) => p.line),
      [1, 3, 5],
    );
  });

  it('says when there is no README, and falls back to docs/README.md', async () => {
    const none = await collectOne(repo({ 'main.py': 'x = 1\n' }, { git: false }), 'readme');
    assert.equal(none.present, false);
    const docs = await collectOne(repo({ 'docs/README.md': '# Docs\n' }, { git: false }), 'readme');
    assert.equal(docs.path, 'docs/README.md');
  });

  it('reads RST headings, literal blocks and images', async () => {
    const rst = [
      'Churn model',
      '===========',
      '',
      'Predicts which telecom customers leave next month.',
      '',
      'Usage',
      '-----',
      '',
      'Install it::',
      '',
      '    pip install -r requirements.txt',
      '',
      '.. image:: docs/roc.png',
      '   :alt: ROC curve',
      '',
      'Results',
      '-------',
      '',
      'Accuracy of 91% on held-out months.',
    ].join('\n');
    const r = await collectOne(repo({ 'README.rst': rst }, { git: false }), 'readme');
    assert.equal(r.format, 'rst');
    assert.deepEqual(
      r.sections.map((s) => [s.title, s.level, s.kind, s.line]),
      [
        ['Churn model', 1, 'other', 1],
        ['Usage', 2, 'how-to-run', 6],
        ['Results', 2, 'results', 16],
      ],
    );
    assert.deepEqual(r.runCommands, [{ command: 'pip install -r requirements.txt', line: 11 }]);
    assert.deepEqual(r.images, [{ src: 'docs/roc.png', alt: 'ROC curve', line: 13 }]);
    assert.equal(r.metrics[0]?.line, 19);
  });

  it('decodes UTF-16 and CRLF, and records a binary README as an error', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('# Título\r\n\r\n## Usage\r\n\r\n`streamlit run app.py`\r\n', 'utf16le'),
    ]);
    const r = await collectOne(repo({ 'README.md': utf16 }, { git: false }), 'readme');
    assert.equal(r.encoding, 'utf-16le');
    assert.equal(r.title, 'Título');
    assert.deepEqual(r.runCommands, [{ command: 'streamlit run app.py', line: 5 }]);

    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]);
    const b = await collectOne(repo({ 'README.md': binary }, { git: false }), 'readme');
    assert.equal(b.present, true);
    assert.equal(b.encoding, 'binary');
    assert.match(b.error ?? '', /not text/);
    assert.equal(b.words, 0);
  });

  it('handles an empty README', async () => {
    const r = await collectOne(repo({ 'README.md': '' }, { git: false }), 'readme');
    assert.equal(r.present, true);
    assert.equal(r.words, 0);
    assert.equal(r.title, null);
  });

  it('reads no text from script or style elements, in a heading or a block', async () => {
    const md = [
      '# Bikes <script>alert(1)</script>"><img src=x onerror=alert(2)>',
      '',
      '<script>',
      'document.title = "pwned";',
      '</script>',
      '',
      'Predicting bike demand <style>p { color: red }</style>in Lisbon.',
    ].join('\n');
    const r = await collectOne(repo({ 'README.md': md }, { git: false }), 'readme');
    assert.equal(r.title, 'Bikes ">');
    assert.equal(r.intro, 'Predicting bike demand in Lisbon.');
    assert.doesNotMatch(JSON.stringify(r.sections) + r.intro, /alert|pwned|color/);
  });

  it('takes a heading written in HTML as a heading, and leaves an alert marker out of the introduction', async () => {
    const md = [
      '<h1 align="center">🏡 House Price Analysis in Bogor</h1>',
      '',
      '> [!IMPORTANT]',
      '> This repository is no longer actively maintained by its authors.',
      '',
      '## License',
      '',
      'Apache 2.0.',
    ].join('\n');
    const r = await collectOne(repo({ 'README.md': md }, { git: false }), 'readme');
    assert.equal(r.title, '🏡 House Price Analysis in Bogor');
    assert.deepEqual(
      r.sections.map((s) => s.title),
      ['🏡 House Price Analysis in Bogor', 'License'],
    );
    assert.equal(r.intro, 'This repository is no longer actively maintained by its authors.');
  });

  it('does not take a row of links as the introduction', async () => {
    const md = [
      '# RigL',
      '',
      '[Arxiv](https://arxiv.org/abs/1911.11134) | [OpenReview](https://openreview.net/x) | [W&B Report](https://wandb.ai/r) | [Documentation](https://docs.example.org)',
      '',
      'A reproduction of Rigging the Lottery on CIFAR-10 and ImageNet.',
    ].join('\n');
    const r = await collectOne(repo({ 'README.md': md }, { git: false }), 'readme');
    assert.equal(r.intro, 'A reproduction of Rigging the Lottery on CIFAR-10 and ImageNet.');
  });
});
