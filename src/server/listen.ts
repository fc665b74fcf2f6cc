import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDashboard } from './app.js';
import type { DashboardData } from './data.js';
import { newToken } from './security.js';

export interface StartOptions {
  data: DashboardData;
  host: string;
  /** 0 lets the system choose a free port. */
  port: number;
  /** A given token (scripts, tests); a random one otherwise. */
  token?: string;
  onError?: (err: Error) => void;
}

export interface RunningDashboard {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** A host as it goes in a URL: IPv6 literals in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the dashboard and resolves once it listens. */
export function startDashboard(opts: StartOptions): Promise<RunningDashboard> {
  const token = opts.token ?? newToken();
  const binding = { host: opts.host, port: opts.port };
  const app = createDashboard({ data: opts.data, token, binding, onError: opts.onError });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info: AddressInfo) => {
      binding.port = info.port;
      resolve({
        url: `http://${urlHost(opts.host)}:${info.port}/?token=${encodeURIComponent(token)}`,
        port: info.port,
        token,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive connections from a browser would hold close() open.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
