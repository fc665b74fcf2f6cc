import type { Context } from 'hono';
import { escapeHtml as esc } from '../../reporters/html-escape.js';
import type { DashboardEnv } from '../env.js';
import { nonceOf } from '../env.js';
import { page } from '../views/layout.js';

/** A 404 page with a way back, in HTML, or as JSON for a `.json` address. */
export function notFound(c: Context<DashboardEnv>, message: string) {
  if (c.req.path.endsWith('.json')) return c.json({ error: message }, 404);
  return c.html(
    page({
      title: 'unherd: not found',
      nonce: nonceOf(c),
      body: [
        `<h1>Not found</h1>`,
        `<p>${esc(message)}</p>`,
        '<p><a href="/cohort">Back to the cohort</a></p>',
      ],
    }),
    404,
  );
}
