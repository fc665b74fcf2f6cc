import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from './chromium.js';
import { buildCohort, type Cohort, HOSTILE_NAME, type Served, serve } from './cohort-fixture.js';

/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core): a cohort recorded
 * by `audit --db`, served by `unherd serve`, read, sorted, filtered, opened, compared; hostile
 * names stay text; the guards refuse what they must; axe-core finds no serious violation.
 * Screenshots of every page go to .cache/screenshots/ for a person to look at.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = join(ROOT, '.cache/screenshots');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const skip = browserUnavailable();

/** A raw request with any Host header (fetch cannot set Host). */
function rawGet(origin: string, path: string, headers: Record<string, string>): Promise<number> {
  const u = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('unherd serve in Chromium', { skip: skip ?? false }, () => {
  let cohort: Cohort;
  let server: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const cspErrors: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    cohort = await buildCohort();
    server = await serve(cohort.db);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the address with its token as the first line, on 127.0.0.1', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a request without the token', async () => {
    const res = await fetch(`${server.origin}/cohort`, { redirect: 'manual' });
    assert.equal(res.status, 401);
    assert.equal((await fetch(`${server.origin}/cohort.json`)).status, 401);
    assert.equal((await fetch(`${server.origin}/?token=wrong-token-wrong-token`)).status, 401);
  });

  it('refuses a foreign Host header, token or not (DNS rebinding)', async () => {
    const auth = { authorization: `Bearer ${server.token}` };
    const port = new URL(server.origin).port;
    assert.equal(await rawGet(server.origin, '/cohort', { ...auth, host: `attacker.example:${port}` }), 403);
    assert.equal(await rawGet(server.origin, '/cohort', { ...auth, host: 'attacker.example' }), 403);
    assert.equal(await rawGet(server.origin, '/cohort', { ...auth, host: `localhost:${port}` }), 200);
  });

  it('refuses a cross-site POST (CSRF) and any write method', async () => {
    const auth = { authorization: `Bearer ${server.token}` };
    const forged = await fetch(`${server.origin}/logout`, {
      method: 'POST',
      headers: {
        ...auth,
        origin: 'http://attacker.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'x=1',
    });
    assert.equal(forged.status, 403);
    const put = await fetch(`${server.origin}/cohort`, { method: 'PUT', headers: auth });
    assert.equal(put.status, 405);
  });

  it('swaps the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const res = await page.goto(server.url);
    assert.equal(res?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/cohort');
    assert.equal(new URL(page.url()).searchParams.has('token'), false);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.startsWith('unherd_session'));
    assert.ok(session, 'a session cookie is set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    const csp =
      (await page.request.get(`${server.origin}/cohort`)).headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'nonce-[^']+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  it('shows every repository of the cohort with its score, sub-scores and flags', async () => {
    await page.goto(`${server.origin}/cohort`);
    await assert.doesNotReject(page.getByRole('heading', { name: 'Cohort: all repositories' }).waitFor());
    const rows = page.locator('table.cohort tbody tr');
    assert.equal(await rows.count(), 4);
    assert.ok(await page.getByRole('img', { name: /Distribution of total scores/ }).isVisible());
    assert.ok(await page.getByRole('img', { name: /misses most/ }).isVisible());
    assert.ok(await page.getByRole('img', { name: /Runs recorded per week/ }).isVisible());
    await shot(page, 'cohort');
  });

  it('shows a repository named like markup as text, and runs none of it', async () => {
    await page.goto(`${server.origin}/cohort`);
    const link = page.getByRole('link', { name: HOSTILE_NAME, exact: true });
    assert.equal(await link.count(), 1);
    assert.equal(await page.locator('table.cohort img, table.cohort svg[onload]').count(), 0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: HOSTILE_NAME }).waitFor();
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, [], 'no script from a name ran');
    await shot(page, 'repo-hostile');
  });

  it('sorts by a column heading, both ways', async () => {
    await page.goto(`${server.origin}/cohort`);
    const names = () => page.locator('table.cohort tbody th a').allTextContents();
    await page.getByRole('link', { name: 'Repository' }).click();
    await page.waitForURL(/sort=name/);
    const az = await names();
    assert.deepEqual(
      az,
      [...az].sort((a, b) => a.localeCompare(b)),
    );
    assert.equal(await page.locator('th[aria-sort=ascending]').textContent(), 'Repository');
    await page.getByRole('link', { name: 'Repository' }).click();
    await page.waitForURL(/dir=desc/);
    assert.deepEqual(await names(), [...az].reverse());
    await page.getByRole('link', { name: 'Score' }).click();
    await page.waitForURL(/^(?!.*sort=name)/);
    const scores = await page.locator('table.cohort tbody td .pill').allTextContents();
    const numbers = scores.map((s) => Number.parseInt(s, 10));
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => b - a),
    );
  });

  it('filters with the form; the filters live in a shareable address', async () => {
    await page.goto(`${server.origin}/cohort`);
    await Promise.all([page.waitForURL(/flags=1/), page.getByLabel('with red flags only').check()]);
    const counts = await page.locator('table.cohort tbody td:nth-child(4) > strong').allTextContents();
    assert.ok(
      counts.length > 0 && counts.every((n) => Number(n) > 0),
      `red flag counts: ${counts.join(', ')}`,
    );
    // The sub-score choice defaults to "below 5"; the form applies itself on change.
    await Promise.all([
      page.waitForURL(/principle=own-data&below=5/),
      page.getByLabel('Principle', { exact: true }).selectOption('own-data'),
    ]);
    const weak = await page.locator('table.cohort tbody th a').allTextContents();
    assert.ok(weak.includes('titanic-survival'), `own data below 5: ${weak.join(', ')}`);
    assert.ok(!weak.includes('bike-demand'), 'the scraped-data project is not below 5 on own data');
    await Promise.all([
      page.waitForURL(/dataset=titanic/),
      page.getByLabel('Stock dataset', { exact: true }).selectOption('titanic'),
    ]);
    assert.deepEqual(await page.locator('table.cohort tbody th a').allTextContents(), ['titanic-survival']);
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    assert.deepEqual(await other.locator('table.cohort tbody th a').allTextContents(), ['titanic-survival']);
    await other.close();
    await shot(page, 'cohort-filtered');
  });

  it('exports the current view as CSV', async () => {
    const res = await page.request.get(`${server.origin}/cohort.csv?principle=own-data&below=5&sort=name`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'] ?? '', /text\/csv/);
    assert.match(res.headers()['content-disposition'] ?? '', /attachment; filename="cohort.csv"/);
    const lines = (await res.text()).trim().split('\r\n');
    assert.match(lines[0] ?? '', /^repository,identity,score,/);
    assert.ok(lines.slice(1).some((l) => l.startsWith('titanic-survival,')));
    assert.ok(!lines.some((l) => l.startsWith('bike-demand,')));
    const all = (await (await page.request.get(`${server.origin}/cohort.csv`)).text()).trim().split('\r\n');
    assert.equal(all.length, 5, 'a header and the four repositories');
  });

  it('opens a repository: its report, its history, and what changed between two runs', async () => {
    await page.goto(`${server.origin}/cohort`);
    await page.getByRole('link', { name: 'bike-demand', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'bike-demand' }).waitFor();
    assert.ok(await page.getByRole('img', { name: /Score over time: 2 runs/ }).isVisible());
    assert.ok(await page.getByRole('heading', { name: 'Findings' }).isVisible());
    await shot(page, 'repo');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 1, name: 'bike-demand: what changed' }).waitFor();
    assert.ok(await page.getByRole('heading', { name: 'Checks' }).isVisible());
    const changed = await page.locator('main table').first().textContent();
    assert.ok(changed && changed.length > 0);
    await shot(page, 'compare');
  });

  it('serves the JSON twin of each page', async () => {
    const cohortJson = (await (await page.request.get(`${server.origin}/cohort.json?sort=name`)).json()) as {
      total: number;
      rows: { name: string; repoId: string }[];
    };
    assert.equal(cohortJson.total, 4);
    const bikes = cohortJson.rows.find((r) => r.name === 'bike-demand');
    assert.ok(bikes);
    const repoJson = (await (
      await page.request.get(`${server.origin}/repo/${encodeURIComponent(bikes.repoId)}.json`)
    ).json()) as { repo: { runs: unknown[] }; report: { name: string } };
    assert.equal(repoJson.repo.runs.length, 2);
    assert.equal(repoJson.report.name, 'bike-demand');
  });

  it('has no serious or critical accessibility violation on any page', async () => {
    const pages = ['/cohort', '/cohort?flags=1&sort=name'];
    await page.goto(`${server.origin}/cohort`);
    const href = await page.getByRole('link', { name: 'bike-demand', exact: true }).getAttribute('href');
    pages.push(href ?? '', `${href}/compare`, '/no-such-page');
    for (const path of pages) {
      await page.goto(`${server.origin}${path}`);
      assert.deepEqual(await axeSerious(page), [], `axe on ${path}`);
    }
    await shot(page, 'not-found');
  });

  it('is usable from the keyboard: skip link first, then the tag switcher', async () => {
    await page.goto(`${server.origin}/cohort`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.match(page.url(), /#content$/);
  });

  it('works with JavaScript off', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(server.url);
    await p.getByLabel('Score band', { exact: true }).selectOption('low');
    await p.getByRole('button', { name: 'Apply' }).click();
    await p.waitForURL(/band=low/);
    const names = await p.locator('table.cohort tbody th a').allTextContents();
    assert.ok(names.length >= 1);
    await shot(p, 'cohort-no-js');
    await noJs.close();
  });

  it('ran no script the CSP would block', () => {
    assert.deepEqual(cspErrors, []);
  });
});
