import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../../test/helpers/queue-db.js';
import { openStore } from '../store/index.js';
import { connectQueue } from './connection.js';
import { againOnConnectionLoss, isConnectionLoss } from './failure.js';

const skip = await postgresSkipReason();

describe('connection loss', () => {
  it('is told apart from an error in the statement', () => {
    const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    assert.ok(isConnectionLoss(pgError('57P01', 'terminating connection due to administrator command')));
    assert.ok(isConnectionLoss(pgError('08006')));
    assert.ok(isConnectionLoss(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')));
    assert.ok(isConnectionLoss(new Error('Connection terminated unexpectedly')));
    assert.ok(isConnectionLoss(new Error('Client has encountered a connection error and is not queryable')));
    assert.ok(isConnectionLoss(new Error('timeout exceeded when trying to connect')));
    assert.ok(!isConnectionLoss(pgError('23505', 'duplicate key value violates unique constraint')));
    assert.ok(!isConnectionLoss(pgError('42P01', 'relation "runs" does not exist')));
    assert.ok(!isConnectionLoss(new Error('could not clone')));
    assert.ok(!isConnectionLoss(null));
  });

  it('runs the work again while the connection is lost, and gives up on anything else or after the last try', async () => {
    let calls = 0;
    const lost = () => Object.assign(new Error('Connection terminated unexpectedly'), {});
    const value = await againOnConnectionLoss(async (attempt) => {
      calls += 1;
      if (attempt < 2) throw lost();
      return attempt;
    }, () => {}, [1, 1, 1]);
    assert.equal(value, 2);
    assert.equal(calls, 3);

    calls = 0;
    await assert.rejects(
      againOnConnectionLoss(async () => {
        calls += 1;
        throw new Error('syntax error');
      }, () => {}, [1, 1]),
      /syntax error/,
    );
    assert.equal(calls, 1, 'not retried');

    calls = 0;
    await assert.rejects(
      againOnConnectionLoss(async () => {
        calls += 1;
        throw lost();
      }, () => {}, [1, 1]),
      /Connection terminated/,
    );
    assert.equal(calls, 3, 'one try and two more');
  });
});

// The cause of the worker that died in a CI run when PostgreSQL dropped its connections: a client
// checked out of a pool (a transaction between statements) emitted 'error' with no listener.
describe('a connection terminated while checked out', { skip: skip ?? false }, () => {
  const databases: TestDatabase[] = [];
  after(async () => {
    for (const db of databases) await db.drop();
  });

  const terminate = (db: TestDatabase, app: string | null) =>
    db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR application_name = $2)`,
      [db.name, app],
    );

  it('does not end the process when the queue pool loses it, and the pool serves again', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const errors: Error[] = [];
    const queue = await connectQueue(db.url, { supervise: false, onError: (err) => errors.push(err) });
    try {
      const client = await queue.pool.connect();
      await client.query('SELECT 1');
      const [killed] = await terminate(db, 'unherd-queue');
      assert.ok(killed!.n >= 1);
      // The server's message and the socket's end arrive while the client is still checked out.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await assert.rejects(client.query('SELECT 1'), (err) => isConnectionLoss(err));
      client.release();
      const { rows } = await queue.pool.query<{ one: number }>('SELECT 1 AS one');
      assert.equal(rows[0]!.one, 1);
    } finally {
      await queue.close();
    }
  });

  it('does not end the process when the store loses it inside a transaction', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const store = await openStore(db.url);
    try {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.executeSql('SELECT 1', []);
          await terminate(db, null);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.executeSql('SELECT 1', []);
        }),
        (err) => isConnectionLoss(err),
      );
      assert.equal(
        await store.transaction(async (tx) => (await tx.executeSql('SELECT 1 AS one', [])).rows.length),
        1,
      );
    } finally {
      await store.close();
    }
  });
});
