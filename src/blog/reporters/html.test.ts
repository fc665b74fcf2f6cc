import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLE_BLOG_REPORT } from '../../../test/fixtures/sample-report.js';
import { timelineBuckets } from '../../reporters/svg.js';
import { reviewBlog } from '../review.js';
import { renderBlogHtml } from './html.js';
import { BLOG_FORMATS, renderBlog } from './index.js';
import { aboutOwnWork } from './shared.js';

const SNAPSHOT = new URL('../../../test/snapshots/blog-report.html', import.meta.url);
const FIXTURES = new URL('../../../test/fixtures/blog/', import.meta.url).pathname;
const ADVICE = new Map([['BLG103', 'Write about a problem of your own instead.']]);

/** Markup from a post must never be live: no injected script, no attribute breaking out. */
function assertNoLiveMarkup(html: string): void {
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /<img[^>]*onerror/i);
  assert.doesNotMatch(html, /"><img/);
  assert.ok((html.match(/<script>/g) ?? []).length <= 1, 'only the sorting script');
}

describe('blog html', () => {
  it('snapshot of the sample blog review: self-contained, overview, per-post charts and findings', () => {
    const out = renderBlogHtml(SAMPLE_BLOG_REPORT, ADVICE);
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(SNAPSHOT, out);
    assert.equal(
      out,
      readFileSync(SNAPSHOT, 'utf8'),
      'blog-report.html differs; UPDATE_SNAPSHOTS=1 if intended',
    );
    assert.match(out, /^<!doctype html>/);
    assert.match(out, /Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(out, /(src|href)="(https?:)?\/\//, 'nothing loaded from the network');
    assert.match(out, /<svg class="chart"[^>]*aria-label="posts over time, 2023-11 to 2024-03/);
    assert.match(out, /aria-label="about own work: 1; generic: 1"/);
    assert.equal(
      (out.match(/aria-label="Score per principle/g) ?? []).length,
      2,
      'one chart per scored post',
    );
    assert.match(out, /<code>posts\/pandas-intro\.md:22-25<\/code>/);
    assert.match(out, /<td data-value="own work">own work<\/td>/);
    assert.match(out, /not supported: written in a language other than English/);
    assert.match(out, /<li>Write about a problem of your own instead\.<\/li>/);
  });

  it('escapes post titles, tags, messages and notes', () => {
    const out = renderBlogHtml(SAMPLE_BLOG_REPORT, ADVICE);
    assertNoLiveMarkup(out);
    assert.match(
      out,
      /Introduction to pandas &lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/,
    );
  });

  it('a real post with markup in its title and body comes out as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unherd-blog-html-'));
    const post = join(dir, 'hostile.md');
    writeFileSync(
      post,
      [
        '---',
        'title: "My <script>alert(1)</script> churn model"',
        'date: 2024-05-01',
        'tags: ["\\"><img src=x onerror=alert(2)>"]',
        '---',
        '',
        'I built this churn model for my own shop and here is what I learned <script>alert(3)</script>.',
        '',
        '"><img src=x onerror=alert(4)> was in my notes, and so was this picture:',
        '',
        '![a "><img src=x onerror=alert(5)> chart](chart.png)',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'second.md'),
      '---\ntitle: Second\ndate: 2024-07-01\n---\n\nI measured my own data.\n',
    );
    const report = await reviewBlog([dir]);
    const out = renderBlog('html', report, { color: false, width: 100 });
    assertNoLiveMarkup(out);
    assert.match(out, /My &lt;script&gt;alert\(1\)&lt;\/script&gt; churn model/);
    assert.match(out, /id="overview"/);
  });

  it('renders the real fixture folder; per-post own-work labels add up to the overview counts', async () => {
    const report = await reviewBlog([FIXTURES]);
    const out = renderBlog('html', report, { color: false, width: 100 });
    assert.match(out, /Introduction to Pandas for Beginners/);
    assert.match(out, /generic-tutorial\.md:\d+/);
    const labels = report.posts.map(aboutOwnWork);
    assert.equal(labels.filter((l) => l === true).length, report.overview?.ownWorkPosts);
    assert.equal(labels.filter((l) => l === false).length, report.overview?.genericPosts);
  });

  it('one post: no overview, no script', () => {
    const one = { ...SAMPLE_BLOG_REPORT, posts: SAMPLE_BLOG_REPORT.posts.slice(0, 1), overview: null };
    const out = renderBlogHtml(one, ADVICE);
    assert.doesNotMatch(out, /<script/);
    assert.doesNotMatch(out, /id="overview"/);
    assert.match(out, /<title>unherd blog review – Six weeks of my own bike data<\/title>/);
  });

  it('html is one of the blog formats', () => {
    assert.ok((BLOG_FORMATS as readonly string[]).includes('html'));
  });
});

describe('timelineBuckets', () => {
  it('fills empty months so gaps show, and skips months that are not YYYY-MM', () => {
    const buckets = timelineBuckets([
      { month: '2023-11', count: 1 },
      { month: '2024-02', count: 2 },
      { month: 'someday', count: 5 },
    ]);
    assert.deepEqual(
      buckets.map((b) => `${b.label}:${b.count}`),
      ['2023-11:1', '2023-12:0', '2024-01:0', '2024-02:2'],
    );
  });

  it('counts per year over long spans, and nothing for no dates', () => {
    const buckets = timelineBuckets([
      { month: '2015-03', count: 1 },
      { month: '2024-02', count: 2 },
    ]);
    assert.equal(buckets.length, 10);
    assert.deepEqual(buckets[0], { label: '2015', count: 1 });
    assert.deepEqual(buckets[9], { label: '2024', count: 2 });
    assert.deepEqual(timelineBuckets([]), []);
  });
});
