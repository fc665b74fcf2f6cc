import type { Context, Hono } from 'hono';
import type { DashboardEnv } from '../env.js';
import { nonceOf } from '../env.js';
import { tagNav } from '../views/cohort.js';
import { page } from '../views/layout.js';
import { repoBody } from '../views/repo.js';
import { notFound } from './not-found.js';

/**
 * The repository page (`/repo/:id`, `?run=` for an older run) and its JSON twin
 * (`/repo/:id.json`: the history and the shown run's full report).
 */

/** `abc.json` → `{ id: 'abc', json: true }`: each page's JSON twin is the same path with `.json`. */
export function splitJson(param: string): { id: string; json: boolean } {
  return param.endsWith('.json') ? { id: param.slice(0, -5), json: true } : { id: param, json: false };
}

export function repoRoutes(app: Hono<DashboardEnv>): void {
  app.get('/repo/:id', async (c: Context<DashboardEnv>) => {
    const data = c.get('data');
    const { id, json } = splitJson(c.req.param('id') ?? '');
    const history = await data.repo(id);
    if (history === null || history.runs.length === 0) return notFound(c, 'No such repository in the store.');
    const runId = c.req.query('run') ?? history.runs[history.runs.length - 1]!.runId;
    const report = await data.report(id, runId);
    if (report === null) return notFound(c, 'No such run of this repository.');
    if (json) return c.json({ repo: history, runId, report });
    const tags = await data.tags();
    return c.html(
      page({
        title: `unherd: ${history.name}`,
        nonce: nonceOf(c),
        nav: tagNav(tags, null),
        body: repoBody(history, runId, report),
      }),
    );
  });
}
