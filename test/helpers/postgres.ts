import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server: PostgreSQL on loopback with trust auth (UNHERD_TEST_PG to point elsewhere). */
export const ADMIN_URL = process.env.UNHERD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const serverOf = (url: string) => url.replace(/\/[^/]*$/, '');

let probed: Promise<string | null> | null = null;

/**
 * Null when the test PostgreSQL answers, else why not. Under CI=true an unreachable server
 * throws (the PostgreSQL tests must fail there, not skip); elsewhere the reason is printed once.
 */
export function postgresSkipReason(): Promise<string | null> {
  probed ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (err) {
      const reason = `PostgreSQL not reachable at ${serverOf(ADMIN_URL)} (${(err as Error).message})`;
      if (process.env.CI === 'true') throw new Error(`${reason}; CI must run the PostgreSQL tests`);
      console.log(`# skipped: ${reason}`);
      return `skipped: ${reason}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probed;
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with a random name on the test server; `drop` removes it and its connections. */
export async function scratchDatabase(prefix = 'unherd_test_'): Promise<ScratchDatabase> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: `${serverOf(ADMIN_URL)}/${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
