import pg from 'pg';
import { scratchDatabase } from './postgres.js';

export { postgresSkipReason } from './postgres.js';

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs one statement on the test database through a short-lived connection. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A scratch database (test/helpers/postgres.ts) with its name and a way to query it. */
export async function createTestDatabase(prefix = 'unherd_test_'): Promise<TestDatabase> {
  const scratch = await scratchDatabase(prefix);
  return {
    ...scratch,
    name: scratch.url.slice(scratch.url.lastIndexOf('/') + 1),
    async query(text, values) {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}
