import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { reviewBlog } from '../review.js';
import { renderBlog } from './index.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/blog.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);
const FIXTURES = new URL('../../../test/fixtures/blog/', import.meta.url).pathname;

describe('blog reporters', async () => {
  const report = await reviewBlog([FIXTURES]);

  it('JSON validates against schema/blog.schema.json, including posts that could not be reviewed', () => {
    const text = renderBlog('json', report, { color: false, width: 100 });
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
    const json = JSON.parse(text) as { posts: { error: string | null }[]; overview: { reviewed: number } };
    assert.ok(json.posts.some((p) => p.error !== null));
    assert.ok(json.overview.reviewed >= 3);
  });

  it('JSON with a wrong field type is rejected', () => {
    // biome-ignore lint/suspicious/noExplicitAny: poking at parsed JSON
    const json = JSON.parse(renderBlog('json', report, { color: false, width: 100 })) as any;
    json.posts[0].score = 'high';
    assert.equal(validate(json), false);
  });

  it('SARIF 2.1.0 locates findings at file and line', () => {
    const sarif = JSON.parse(renderBlog('sarif', report, { color: false, width: 100 }));
    assert.equal(sarif.version, '2.1.0');
    const prompt = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'BLG112');
    assert.equal(prompt.locations[0].physicalLocation.region.startLine, 14);
    assert.match(prompt.locations[0].physicalLocation.artifactLocation.uri, /generic-tutorial\.md$/);
  });

  it('terminal and Markdown name each post, its score, findings with lines, and the overview', () => {
    const term = renderBlog('terminal', report, { color: false, width: 100 });
    assert.match(term, /generic-tutorial\.md — Introduction to Pandas for Beginners/);
    assert.match(term, /BLG103 high A saturated topic/);
    assert.match(term, /generic-tutorial\.md:14/);
    assert.match(term, /not supported: written in a language other than English/);
    const md = renderBlog('markdown', report, { color: false, width: 100 });
    assert.match(md, /^# Blog review/);
    assert.match(md, /About the author's own work: 2; generic: 1\./);
    assert.match(md, /### Next steps/);
  });

  it('reviews one post at join() paths the same as in a folder', async () => {
    const one = await reviewBlog([join(FIXTURES, 'good-post.md')]);
    assert.equal(one.overview, null);
    assert.ok((one.posts[0]!.score ?? 0) >= 90);
  });
});
