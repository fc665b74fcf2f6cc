import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueStatus } from '../queue/status.js';
import { createDashboard } from './app.js';
import type { CohortView, DashboardData } from './data.js';
import { newToken } from './security.js';

const TOKEN = newToken();
const PORT = 41_001;
const HOSTILE = '<img src=x onerror=alert(1)>';
const EMPTY: CohortView = {
  rows: [],
  stats: { total: 0, scoreBins: Array(10).fill(0), unscored: 0, missed: [], weeks: [], datasets: [] },
};

function dataWith(queue?: () => Promise<QueueStatus | null>): DashboardData {
  const data: DashboardData = {
    tags: async () => [],
    cohort: async () => EMPTY,
    async *cohortRows() {},
    repo: async () => null,
    report: async () => null,
  };
  if (queue) data.queue = queue;
  return data;
}

async function cohortPage(data: DashboardData): Promise<string> {
  const app = createDashboard({ data, token: TOKEN, binding: { host: '127.0.0.1', port: PORT } });
  const res = await app.request(`http://127.0.0.1:${PORT}/cohort`, {
    headers: { host: `127.0.0.1:${PORT}`, authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(res.status, 200);
  return res.text();
}

describe('the dashboard’s queue panel', () => {
  it('shows queued, active, done and failed per cohort and the dead letters with reasons, escaped', async () => {
    const html = await cohortPage(
      dataWith(async () => ({
        queued: 3,
        active: 1,
        done: 40,
        failed: 1,
        tags: [
          { tag: 'spring', queued: 3, active: 1, done: 38, failed: 1 },
          { tag: '', queued: 0, active: 0, done: 2, failed: 0 },
        ],
        deadLetter: [
          { input: `https://example.com/${HOSTILE}.git`, reason: `no repository ${HOSTILE}`, tag: HOSTILE },
        ],
      })),
    );
    assert.match(html, /<h2 id="queue-h">Queue<\/h2>/);
    assert.match(html, /<th scope="row">spring<\/th><td>3<\/td><td>1<\/td><td>38<\/td><td>1<\/td>/);
    assert.match(html, /<th scope="row">\(no tag\)<\/th>/);
    assert.match(html, /<th scope="row">all<\/th><td>3<\/td><td>1<\/td><td>40<\/td><td>1<\/td>/);
    assert.match(html, /Could not be audited \(1\)/);
    assert.ok(!html.includes(HOSTILE), 'nothing from the queue is markup');
    assert.match(html, /no repository &lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('is absent on a store without a queue (SQLite) and where no one has enqueued', async () => {
    assert.ok(!(await cohortPage(dataWith())).includes('id="queue-h"'));
    assert.ok(!(await cohortPage(dataWith(async () => null))).includes('id="queue-h"'));
  });
});
