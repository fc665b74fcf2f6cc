import type { Context, Hono } from 'hono';
import { compareRuns } from '../compare.js';
import type { DashboardEnv } from '../env.js';
import { nonceOf } from '../env.js';
import { tagNav } from '../views/cohort.js';
import { page } from '../views/layout.js';
import { compareBody } from '../views/repo.js';
import { notFound } from './not-found.js';

/**
 * The compare view (`/repo/:id/compare?from=&to=`) and its JSON twin (`compare.json`): what
 * changed between any two runs of one repository. Without `from`/`to`, the last two runs.
 */
export function compareRoutes(app: Hono<DashboardEnv>): void {
  app.get('/repo/:id/:view{compare(?:\\.json)?}', async (c: Context<DashboardEnv>) => {
    const data = c.get('data');
    const id = c.req.param('id') ?? '';
    const json = (c.req.param('view') ?? '').endsWith('.json');
    const history = await data.repo(id);
    if (history === null || history.runs.length === 0) return notFound(c, 'No such repository in the store.');
    const runs = history.runs;
    const fromId = c.req.query('from') ?? runs[Math.max(0, runs.length - 2)]!.runId;
    const toId = c.req.query('to') ?? runs[runs.length - 1]!.runId;
    const from = runs.find((r) => r.runId === fromId);
    const to = runs.find((r) => r.runId === toId);
    if (!from || !to) return notFound(c, 'No such run of this repository.');
    const [a, b] = await Promise.all([data.report(id, from.runId), data.report(id, to.runId)]);
    if (a === null || b === null) return notFound(c, 'No such run of this repository.');
    const changes = compareRuns(a, b);
    if (json) return c.json({ repo: { repoId: history.repoId, name: history.name }, from, to, changes });
    const tags = await data.tags();
    return c.html(
      page({
        title: `unherd: ${history.name}, what changed`,
        nonce: nonceOf(c),
        nav: tagNav(tags, null),
        body: compareBody(history, from, to, changes),
      }),
    );
  });
}
