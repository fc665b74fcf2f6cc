import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DashboardData } from './data.js';
import type { DashboardEnv } from './env.js';
import { cohortRoutes } from './routes/cohort.js';
import { compareRoutes } from './routes/compare.js';
import { notFound } from './routes/not-found.js';
import { repoRoutes } from './routes/repo.js';
import {
  allowedHosts,
  clearSession,
  csrfGuard,
  headers,
  hostGuard,
  readOnly,
  sessionCookieName,
  tokenGuard,
} from './security.js';

/**
 * The dashboard as a Hono app: guards first (Host, headers, token, method, CSRF), then one route
 * module per page. It reads through `DashboardData` only, so it holds no SQL and cannot write.
 */

export interface DashboardOptions {
  data: DashboardData;
  token: string;
  /** Where the server listens; `port` is filled in once listening (it may be chosen by the OS). */
  binding: { host: string; port: number };
  /** Told of a page that failed (the CLI prints it; the server writes nothing itself). */
  onError?: (err: Error) => void;
}

export function createDashboard(opts: DashboardOptions): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const cookie = () => sessionCookieName(opts.binding.port);
  let hosts: { port: number; set: ReadonlySet<string> } | null = null;
  const currentHosts = () => {
    if (hosts === null || hosts.port !== opts.binding.port) {
      hosts = { port: opts.binding.port, set: allowedHosts(opts.binding.host, opts.binding.port) };
    }
    return hosts.set;
  };

  app.use('*', hostGuard(currentHosts));
  app.use('*', headers());
  app.use('*', tokenGuard(opts.token, cookie));
  app.use('*', readOnly(['/logout']));
  app.use('*', csrfGuard());
  app.use('*', async (c, next) => {
    c.set('data', opts.data);
    await next();
  });

  app.post('/logout', (c) => {
    clearSession(c, cookie());
    return c.text('Signed out. Open the address unherd serve printed to sign in again.\n');
  });
  cohortRoutes(app);
  compareRoutes(app);
  repoRoutes(app);

  app.notFound((c) => notFound(c, 'There is no page at this address.'));
  app.onError((err, c) => {
    // Refusals from hono's own middleware (CSRF) carry their response.
    if (err instanceof HTTPException) return err.getResponse();
    // The message may carry a path or SQL; the page says only that it failed.
    opts.onError?.(err);
    return c.text('Internal error: the dashboard could not build this page.\n', 500);
  });
  return app;
}
