import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { code, imageOutput, md, notebook } from '../../test/helpers/notebook.js';
import { repo, tempDir } from '../../test/helpers/repo.js';
import { readPosts } from './post.js';
import { splitFrontMatter } from './read/front-matter.js';

const FIXTURES = new URL('../../test/fixtures/blog/', import.meta.url).pathname;
const good = readFileSync(join(FIXTURES, 'good-post.md'), 'utf8');

describe('readPosts', () => {
  it('reads a Markdown post with front matter into facts with file lines', async () => {
    const { posts } = await readPosts([join(FIXTURES, 'good-post.md')]);
    const f = posts[0]!.facts!;
    assert.equal(f.title, 'Forecasting bike demand in Lyon: what six weeks of my own data taught me');
    assert.equal(f.date, '2024-03-02');
    assert.deepEqual(f.ownHandles, ['adacand']);
    assert.ok(f.links.some((l) => l.kind === 'own-work' && l.line === 10));
    const fig = f.images.find((i) => i.src.endsWith('part-dieu-week.png'))!;
    assert.equal(fig.caption, 'Figure 1: every weekday the station empties between 7:30 and 8:15.');
    assert.equal(
      f.images.find((i) => i.src.endsWith('recall-by-hour.png'))!.caption?.startsWith('Figure 2'),
      true,
    );
    const python = f.codeBlocks.find((b) => b.lang === 'python')!;
    assert.equal(python.line, 28);
    assert.deepEqual(python.unresolved, []);
    assert.equal(f.footnotes, 2);
    assert.ok(f.sections.some((s) => s.kind === 'limitations'));
  });

  it('extracts the article of a saved page and drops navigation and sidebars', async () => {
    const { posts } = await readPosts([join(FIXTURES, 'saved-page.html')]);
    const f = posts[0]!.facts!;
    assert.equal(f.title, 'Counting birds with a Raspberry Pi');
    assert.equal(f.date, '2024-05-10');
    assert.ok(!f.paragraphs.some((p) => /Popular posts|Ten tips/.test(p.text)));
    assert.equal(f.codeBlocks[0]!.lang, 'python');
    assert.equal(f.images[0]!.caption, 'Figure 1: a sample of the labelled pictures.');
    assert.ok(f.paragraphs[0]!.line > 10, 'paragraph lines point into the page source');
  });

  it('gives a clear reason for bad input and still reads the other posts', async () => {
    const dir = repo(
      {
        'binary.md': Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]),
        'utf16.md': Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(good.replace(/\n/g, '\r\n'), 'utf16le'),
        ]),
        'empty.md': '',
        'only-front-matter.md': '---\ntitle: x\n---\n',
        'broken-front-matter.md': `---\ntitle: [unclosed\n---\n\n${good.split('---\n')[2]}`,
        'nav.html': readFileSync(join(FIXTURES, 'nav-only.html')),
        'fr.md': readFileSync(join(FIXTURES, 'french-post.md')),
        'broken.ipynb': '{"cells": [',
        'leak.md': { symlink: '/etc/passwd' },
      },
      { git: false },
    );
    const { posts } = await readPosts([dir, join(dir, 'missing.md')]);
    const by = (name: string) => posts.find((p) => p.path.endsWith(name))!;
    assert.match(by('binary.md').error!, /binary/);
    assert.match(by('empty.md').error!, /empty/);
    assert.match(by('only-front-matter.md').error!, /empty/);
    assert.match(by('nav.html').error!, /no article body/);
    assert.match(by('fr.md').error!, /language other than English/);
    assert.equal(by('fr.md').unsupported, true);
    assert.match(by('broken.ipynb').error!, /not a readable notebook/);
    assert.match(by('missing.md').error!, /no such file/);
    assert.equal(
      posts.some((p) => p.path.endsWith('leak.md')),
      false,
      'symlinks are not followed',
    );
    assert.equal(by('utf16.md').facts?.title?.startsWith('Forecasting'), true);
    assert.equal(by('utf16.md').facts?.codeBlocks.find((b) => b.lang === 'python')?.line, 28);
    assert.ok(by('broken-front-matter.md').facts!.problems[0]!.includes('front matter'));
  });

  it('reads a notebook used as a post, reporting a broken image output without losing the post', async () => {
    const nb = notebook([
      md('# Counting cyclists with my own counter\n\nI built a counter and this notebook tells the story.'),
      code('import pandas as pd\ndf = pd.read_csv("counts.csv")', { exec: 1, outputs: [imageOutput()] }),
      md('*Figure 1: counts per hour.*'),
      code('plt.plot(df.hour)', { exec: 2, outputs: [imageOutput('not base64 at all!')] }),
    ]);
    const dir = repo({ 'post.ipynb': nb }, { git: false });
    const { posts } = await readPosts([join(dir, 'post.ipynb')]);
    const f = posts[0]!.facts!;
    assert.equal(f.title, 'Counting cyclists with my own counter');
    assert.equal(f.images.length, 1);
    assert.equal(f.images[0]!.cell, 1);
    assert.equal(f.images[0]!.caption, 'Figure 1: counts per hour.');
    assert.match(f.problems[0]!, /cell 4, output 1: the image\/png image output is not valid base64/);
    assert.deepEqual(f.codeBlocks[1]!.unresolved, [{ name: 'plt', line: 1 }]);
  });

  it('finds posts in a Jekyll site under _posts only, dated from the file name', async () => {
    const dir = repo(
      {
        '_config.yml': 'title: blog\n',
        'README.md': '# my site\n',
        'about.md': '# About me\n',
        '_posts/2023-01-05-first.md': good.replace(/date: .*\n/, ''),
        '_posts/2023-02-10-second.md': good,
      },
      { git: false },
    );
    const { posts } = await readPosts([dir]);
    assert.deepEqual(
      posts.map((p) => p.path.slice(dir.length + 1)),
      ['_posts/2023-01-05-first.md', '_posts/2023-02-10-second.md'],
    );
    assert.equal(posts[0]!.facts!.date, '2023-01-05');
  });

  it('reads only the first MiB of a huge post and says so', async () => {
    const dir = repo(
      { 'huge.md': `# Huge\n\n${'I measured my own data today. '.repeat(60_000)}` },
      { git: false },
    );
    const { posts } = await readPosts([join(dir, 'huge.md')]);
    assert.equal(posts[0]!.facts!.truncated, true);
    assert.match(posts[0]!.facts!.problems.join(' '), /only the first/);
  });
});

describe('Pelican posts and site accounts', () => {
  it('reads Pelican `Key: value` metadata and counts links to the site owner’s repositories as own work', async () => {
    const dir = tempDir();
    const site = join(dir, 'ada.github.io-source');
    mkdirSync(join(site, 'content'), { recursive: true });
    writeFileSync(
      join(site, 'content', 'numba.md'),
      [
        'Title: Numba against Cython on my laptop',
        'date: 2024-08-24 10:41',
        'tags: numba,cython',
        '',
        'I timed both on the pairwise-distance code from [my benchmarks](https://github.com/ada/benchmarks).',
        '',
      ].join('\n'),
    );
    const { posts } = await readPosts([site]);
    const post = posts[0]!;
    assert.equal(post.error, null);
    assert.equal(post.facts?.title, 'Numba against Cython on my laptop');
    assert.ok(post.facts?.links.some((l) => l.kind === 'own-work'));
  });

  it('does not take prose that starts with a word and a colon for metadata', () => {
    const fm = splitFrontMatter('Note: this post is about trees.\n\nMore text.\n');
    assert.deepEqual(fm.meta, {});
    assert.equal(fm.body.startsWith('Note: this post'), true);
  });
});

describe('posts that embed notebooks', () => {
  const post = (embed: string) =>
    [
      'Title: Fitting the Lotka-Volterra model to my garden data',
      'date: 2024-05-01',
      '',
      `{% notebook ${embed} cells[1:] %}`,
      '',
    ].join('\n');

  it('reads an embedded notebook from the site’s notebook folder as part of the post', async () => {
    const site = tempDir();
    mkdirSync(join(site, 'content', 'articles'), { recursive: true });
    mkdirSync(join(site, 'content', 'downloads', 'notebooks'), { recursive: true });
    writeFileSync(join(site, 'content', 'articles', 'garden.md'), post('garden.ipynb'));
    const prose =
      'I counted aphids and ladybirds in my garden every morning for a season and fitted the model to the counts. '.repeat(
        6,
      );
    writeFileSync(
      join(site, 'content', 'downloads', 'notebooks', 'garden.ipynb'),
      notebook([md(`## What I measured\n\n${prose}`), code('import numpy as np\nnp.ones(3)', { exec: 1 })]),
    );
    const { posts } = await readPosts([join(site, 'content', 'articles')]);
    assert.equal(posts[0]!.error, null);
    assert.ok((posts[0]!.facts?.words ?? 0) > 100, 'the notebook’s prose counts');
    assert.deepEqual(posts[0]!.facts?.embedsMissing, []);
    assert.ok(
      posts[0]!.facts?.links.some((l) => l.kind === 'own-work' && l.url === 'garden.ipynb'),
      'the embedded notebook is the author’s published work',
    );
  });

  it('says length and figures are unknown when the embedded notebook is not there', async () => {
    const { reviewBlog } = await import('./review.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'post.md'), post('missing.ipynb'));
    const report = await reviewBlog([join(dir, 'post.md')]);
    const checks = report.posts[0]!.checks;
    assert.equal(checks.find((c) => c.check === 'BLG115')?.outcome, 'unknown');
    assert.equal(checks.find((c) => c.check === 'BLG106')?.outcome, 'unknown');
    assert.match(checks.find((c) => c.check === 'BLG115')?.reason ?? '', /missing\.ipynb/);
  });
});
