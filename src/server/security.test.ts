import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDashboard } from './app.js';
import type { DashboardData } from './data.js';
import { allowedHosts, newToken, sameSecret, sessionCookieName } from './security.js';

/**
 * The guards on their own, through the app's fetch handler: every request here is refused or
 * answered before any page reads data, which the data source below would report.
 */

const TOKEN = newToken();
const PORT = 41_000;
const touched: string[] = [];
const untouchable = new Proxy({} as DashboardData, {
  get(_t, key) {
    touched.push(String(key));
    throw new Error(`the guards let a request reach the data (${String(key)})`);
  },
});
const app = createDashboard({ data: untouchable, token: TOKEN, binding: { host: '127.0.0.1', port: PORT } });

function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return app.request(`http://127.0.0.1:${PORT}${path}`, {
    method,
    headers: { host: `127.0.0.1:${PORT}`, ...headers },
    body,
  });
}

describe('dashboard guards', () => {
  it('makes 192-bit url-safe tokens, a new one each time', () => {
    const a = newToken();
    assert.match(a, /^[A-Za-z0-9_-]{32}$/);
    assert.notEqual(a, newToken());
    assert.ok(sameSecret(a, a));
    assert.ok(!sameSecret(a, `${a}x`));
  });

  it('allows loopback names on the port, and the bound host', () => {
    assert.deepEqual([...allowedHosts('127.0.0.1', 8080)].sort(), [
      '127.0.0.1:8080',
      '[::1]:8080',
      'localhost:8080',
    ]);
    assert.ok(allowedHosts('192.168.1.5', 80).has('192.168.1.5:80'));
    assert.ok(allowedHosts('::1', 80).has('[::1]:80'));
    assert.ok(!allowedHosts('0.0.0.0', 80).has('0.0.0.0:80'));
  });

  it('refuses a foreign or missing Host before looking at the token', async () => {
    for (const host of ['attacker.example', `attacker.example:${PORT}`, `127.0.0.1:${PORT + 1}`, '']) {
      const res = await get('/cohort', { host, authorization: `Bearer ${TOKEN}` });
      assert.equal(res.status, 403, host);
    }
  });

  it('refuses every page without the token, or with a wrong one', async () => {
    for (const path of ['/', '/cohort', '/cohort.json', '/cohort.csv', '/repo/1', '/no-such-page']) {
      assert.equal((await get(path)).status, 401, path);
    }
    assert.equal((await get('/cohort', { authorization: 'Bearer nope' })).status, 401);
    assert.equal((await get('/cohort', { cookie: `${sessionCookieName(PORT)}=nope` })).status, 401);
    assert.equal((await get('/cohort?token=nope')).status, 401);
  });

  it('swaps the token in the address for an HttpOnly SameSite=Strict cookie, and drops it from the address', async () => {
    const res = await get(`/cohort?tag=spring&token=${TOKEN}`);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/cohort?tag=spring');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${sessionCookieName(PORT)}=`));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
  });

  it('sends a nonce CSP with no unsafe-inline, and no framing, on every answer', async () => {
    const res = await get('/cohort');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /style-src 'nonce-/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const again = (await get('/cohort')).headers.get('content-security-policy');
    assert.notEqual(again, csp, 'a new nonce per response');
  });

  it('only reads: other methods are refused', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      assert.equal((await get('/cohort', auth, method)).status, 405, method);
    }
    assert.equal((await get('/cohort', auth, 'POST', 'x=1')).status, 405);
  });

  it('refuses a cross-site sign-out (CSRF) and accepts a same-origin one', async () => {
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' };
    const forged = await get('/logout', { ...auth, origin: 'http://attacker.example' }, 'POST', '');
    assert.equal(forged.status, 403);
    const crossSite = await get('/logout', { ...auth, 'sec-fetch-site': 'cross-site' }, 'POST', '');
    assert.equal(crossSite.status, 403);
    const own = await get('/logout', { ...auth, origin: `http://127.0.0.1:${PORT}` }, 'POST', '');
    assert.equal(own.status, 200);
    assert.match(own.headers.get('set-cookie') ?? '', /Max-Age=0/);
    assert.deepEqual(touched, []);
  });
});
