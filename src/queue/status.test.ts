import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../test/helpers/queue-db.js';
import { openDashboardData } from '../store/dashboard-queries.js';
import { connectQueue } from './connection.js';
import { type Queryable, queueStatus, queueStatusIfPresent } from './status.js';

describe('the dead-letter list', () => {
  it('lists an input failed several times once, with its latest reason, in the place of its latest failure', async () => {
    const answers = [
      { rows: [{ tag: 'a', state: 'failed', n: 3 }] },
      {
        rows: [
          { input: 'one', tag: 'a', output: { reason: 'first failure' } },
          { input: 'two', tag: 'a', output: { reason: 'missing repository' } },
          { input: 'one', tag: 'a', output: { reason: 'second failure' } },
        ],
      },
    ];
    const pool = { query: async () => answers.shift()! } as unknown as Queryable;
    const status = await queueStatus({ pool });
    assert.equal(status.failed, 3);
    assert.deepEqual(status.deadLetter, [
      { input: 'two', reason: 'missing repository', tag: 'a' },
      { input: 'one', reason: 'second failure', tag: 'a' },
    ]);
  });
});

const skip = await postgresSkipReason();

describe('queue status read by the dashboard', { skip: skip ?? false }, () => {
  const databases: TestDatabase[] = [];
  after(async () => {
    for (const db of databases) await db.drop();
  });

  it('is null where no queue was set up, and creates nothing', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      assert.equal(await queueStatusIfPresent(pool), null);
    } finally {
      await pool.end();
    }
    const store = await openDashboardData(db.url, {});
    try {
      assert.ok(store.data.queue, 'a PostgreSQL store offers the queue panel');
      assert.equal(await store.data.queue(), null);
    } finally {
      await store.close();
    }
    const schemas = await db.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'unherd_queue'`);
    assert.equal(schemas.length, 0, 'the dashboard made no queue schema');
  });

  it('reads the counts once the queue exists', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const queue = await connectQueue(db.url, { supervise: false, onError: () => {} });
    await queue.close();
    const store = await openDashboardData(db.url, {});
    try {
      assert.deepEqual(await store.data.queue?.(), {
        queued: 0,
        active: 0,
        done: 0,
        failed: 0,
        deadLetter: [],
        tags: [],
      });
    } finally {
      await store.close();
    }
  });
});
