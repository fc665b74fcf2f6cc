import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { DashboardEnv } from '../env.js';
import { nonceOf } from '../env.js';
import { parseCohortQuery } from '../query.js';
import { cohortBody, tagNav } from '../views/cohort.js';
import { csvHeader, csvRow } from '../views/cohort-csv.js';
import { page } from '../views/layout.js';
import { queuePanel } from '../views/queue.js';

/**
 * The cohort page (`/cohort`), its JSON twin (`/cohort.json`: the same query, the same rows) and
 * its CSV export (`/cohort.csv`: every matching row, in the view's order, streamed).
 */
export function cohortRoutes(app: Hono<DashboardEnv>): void {
  app.get('/', (c) => {
    const search = new URL(c.req.url).search;
    return c.redirect(`/cohort${search}`, 302);
  });

  app.get('/cohort', async (c) => {
    const data = c.get('data');
    const q = parseCohortQuery(new URL(c.req.url).searchParams);
    const [view, tags, queue] = await Promise.all([
      data.cohort(q),
      data.tags(),
      // Only a PostgreSQL store has a queue; none is shown where no one has enqueued.
      data.queue ? data.queue() : Promise.resolve(null),
    ]);
    return c.html(
      page({
        title: q.tag === null ? 'unherd: cohort' : `unherd: ${q.tag}`,
        nonce: nonceOf(c),
        nav: tagNav(tags, q.tag),
        body: queue === null ? cohortBody(q, view) : [...cohortBody(q, view), queuePanel(queue)],
        script: true,
      }),
    );
  });

  app.get('/cohort.json', async (c) => {
    const data = c.get('data');
    const q = parseCohortQuery(new URL(c.req.url).searchParams);
    const view = await data.cohort(q);
    return c.json({ query: q, total: view.stats.total, rows: view.rows, stats: view.stats });
  });

  app.get('/cohort.csv', (c) => {
    const data = c.get('data');
    const q = parseCohortQuery(new URL(c.req.url).searchParams);
    const name = q.tag === null ? 'cohort' : `cohort-${q.tag.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
    return stream(c, async (s) => {
      await s.write(csvHeader());
      let chunk = '';
      for await (const row of data.cohortRows(q)) {
        chunk += csvRow(row);
        if (chunk.length > 64 * 1024) {
          await s.write(chunk);
          chunk = '';
        }
      }
      if (chunk !== '') await s.write(chunk);
    });
  });
}
