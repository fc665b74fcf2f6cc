import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { SAMPLE_REPORT } from '../../test/fixtures/sample-report.js';
import type { Report } from '../engine/report.js';
import { renderHtml } from './html.js';
import { PAGE_ROWS } from './html-page.js';

/** A cohort of `n` copies of the sample's first repository, named apart. */
function cohort(n: number): Report {
  const first = SAMPLE_REPORT.repos[0]!;
  return {
    ...SAMPLE_REPORT,
    repos: Array.from({ length: n }, (_, i) => ({ ...first, name: `repo-${i}`, path: `cohort/repo-${i}` })),
  };
}

/** Every inline script of the page, and the hashes its Content-Security-Policy allows. */
function scriptsAndPolicy(html: string): { scripts: string[]; allowed: string[] } {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
  const allowed = [...scriptSrc.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]!);
  return { scripts, allowed };
}

describe('html report for a large cohort', () => {
  it('pages the overview table past PAGE_ROWS repositories, every inline script allowed by its hash', () => {
    const html = renderHtml(cohort(PAGE_ROWS + 1));
    assert.match(html, /<table class="sortable paged">/);
    const { scripts, allowed } = scriptsAndPolicy(html);
    assert.equal(scripts.length, 2);
    for (const script of scripts) {
      const digest = createHash('sha256').update(script).digest('base64');
      assert.ok(allowed.includes(digest), 'an inline script the policy does not allow would be blocked');
    }
    // Without JavaScript every row is there: paging only hides rows from the script.
    assert.equal(html.match(/<a href="#repo-\d+">/g)?.length, PAGE_ROWS + 1);
    assert.match(html, /section\.repo\{content-visibility:auto/);
  });

  it('leaves a short overview unpaged, with the sorting script alone', () => {
    const html = renderHtml(cohort(PAGE_ROWS));
    assert.doesNotMatch(html, /class="sortable paged"/);
    const { scripts } = scriptsAndPolicy(html);
    assert.equal(scripts.length, 1);
  });
});
