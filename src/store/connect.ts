import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describeError, UnherdError } from '../errors.js';
import { lazyRequire } from '../lazy-require.js';
import {
  type DialectAdapter,
  Kysely,
  type MigrationLockOptions,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
} from '../vendor/kysely.js';
import type { StoreDatabase } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** The PostgreSQL client, loaded only for a postgres:// store: the embedded store never needs it. */
const pg = lazyRequire<typeof import('pg')>('pg');

export interface Connection {
  db: Kysely<StoreDatabase>;
  dialect: Dialect;
  /** The file path, or the URL without its password. */
  location: string;
}

/** How long a writer waits for another process's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Where the embedded store lives when no `--db` is given: the platform's per-user data folder
 * (XDG_DATA_HOME or ~/.local/share on Linux, Application Support on macOS, LOCALAPPDATA on Windows).
 */
export function defaultStorePath(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'unherd', 'history.db');
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || join(env.USERPROFILE || home, 'AppData', 'Local');
    return join(base, 'unherd', 'history.db');
  }
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg?.startsWith('/') ? xdg : join(home, '.local', 'share');
  return join(base, 'unherd', 'history.db');
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Kysely runs SQLite migrations outside a transaction and without a lock, since one process owns
 * one connection. Two processes opening a new store at once would both create the tables. Here a
 * migration is one transaction whose first statement is a write to the lock row, so the second
 * process waits (busy timeout) and then finds the schema already made.
 */
class LockingSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature
  override async acquireMigrationLock(db: Kysely<any>, options: MigrationLockOptions): Promise<void> {
    await db
      .updateTable(options.lockTable)
      .set({ is_locked: 1 })
      .where('id', '=', options.lockRowId)
      .execute();
  }
}

class StoreSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter();
  }
}

export function connect(target: string): Connection {
  if (isPostgresUrl(target)) {
    const pool = new (pg().Pool)({ connectionString: target, max: 4 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    // Nor one that is checked out: pg-pool listens only to idle clients, and a client whose server
    // went away between two statements of a transaction (or just after its query failed, before it
    // was released) emits 'error' with no listener. The failing statement reports it instead.
    pool.on('connect', (client) => client.on('error', () => {}));
    return {
      db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      location: redact(target),
    };
  }
  const path = resolve(target);
  let database: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    database = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // WAL: readers never block the writer, and a crash mid-write leaves the last commit readable.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (err) {
    throw new UnherdError('UNREADABLE', `cannot open the store ${path}: ${describeError(err)}`);
  }
  return {
    db: new Kysely({ dialect: new StoreSqliteDialect({ database }) }),
    dialect: 'sqlite',
    location: path,
  };
}
