import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/**
 * The dashboard's guards, in the order the app applies them (docs/dashboard.md, "Security model"):
 * the Host header against DNS rebinding, headers with a per-response CSP nonce, the token, then
 * CSRF on anything that is not a read. Each answers with a short plain-text refusal that names
 * what to do, and never echoes the request back.
 */

/** 24 random bytes, base64url: 192 bits, as Jupyter's default token. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Hosts a browser may name when it talks to us: loopback names, plus the bound host when it is not one. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const hosts = new Set(LOOPBACK_NAMES.map((h) => `${h}:${port}`));
  const bound = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
  if (bound !== '0.0.0.0' && bound !== '[::]') hosts.add(`${bound.toLowerCase()}:${port}`);
  return hosts;
}

/**
 * Refuses a Host header not on the list. A page on attacker.example whose name is re-pointed at
 * 127.0.0.1 (DNS rebinding) reaches this server with `Host: attacker.example:port`, and stops here.
 */
export function hostGuard(hosts: () => ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!hosts().has(host)) {
      return c.text('Forbidden: unexpected Host header. Open the address unherd serve printed.\n', 403);
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Equal-time comparison of two strings of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** One cookie per port: cookies are not port-scoped, and two dashboards must not overwrite each other's. */
export function sessionCookieName(port: number): string {
  return `unherd_session_${port}`;
}

/**
 * The token is required on every request. `?token=` on any GET sets an HttpOnly SameSite=Strict
 * cookie and redirects to the same address without it, so the token leaves the address bar and the
 * history; scripts may send `Authorization: Bearer <token>` instead.
 */
export function tokenGuard(token: string, cookieName: () => string): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      if (!sameSecret(fromQuery, token)) return c.text('Unauthorized: wrong token.\n', 401);
      setCookie(c, cookieName(), token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const presented = bearer ?? getCookie(c, cookieName());
    if (presented === undefined || !sameSecret(presented, token)) {
      return c.text(
        'Unauthorized: open the address with the token that unherd serve printed when it started.\n',
        401,
      );
    }
    await next();
  };
}

export function clearSession(c: Parameters<MiddlewareHandler>[0], name: string): void {
  deleteCookie(c, name, { path: '/', httpOnly: true, sameSite: 'Strict' });
}

/**
 * Security headers, with a fresh nonce per response for the page's one style element and one
 * script: no inline script or style attribute runs, nothing loads from elsewhere, no framing.
 */
export function headers(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: [NONCE],
      styleSrc: [NONCE],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // Plain http on loopback: HSTS would pin every localhost port to https in the browser.
    strictTransportSecurity: false,
  });
}

/**
 * Cross-site request forgery: a state-changing request must come from our own pages
 * (Sec-Fetch-Site: same-origin, or an Origin equal to ours). The dashboard only reads; the one
 * non-GET route, signing out, goes through this too.
 */
export function csrfGuard(): MiddlewareHandler {
  return csrf();
}

/** Reads only: every method but GET, HEAD and the sign-out POST is refused before routing. */
export function readOnly(allowedPosts: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || (m === 'POST' && allowedPosts.includes(c.req.path))) {
      await next();
      return;
    }
    c.header('Allow', 'GET, HEAD');
    return c.text('Method Not Allowed: the dashboard only reads.\n', 405);
  };
}
