import { UnherdError } from '../errors.js';
import { type Kysely, Migrator, sql } from '../vendor/kysely.js';
import { inCodeProvider, MIGRATIONS, STORE_SCHEMA_VERSION } from './migrations.js';
import type { StoreDatabase } from './schema.js';

async function appliedMigrations(db: Kysely<StoreDatabase>): Promise<string[] | null> {
  try {
    const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return null; // a new store: the table does not exist yet
  }
}

/**
 * Brings the store's schema up to this version's, or refuses a store written by a newer version
 * (one that has applied migrations this version does not know): reading it could misread columns,
 * and writing it could break the newer version's data.
 */
export async function migrateToLatest(db: Kysely<StoreDatabase>, location: string): Promise<void> {
  const applied = await appliedMigrations(db);
  const unknown = (applied ?? []).filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new UnherdError(
      'CONFIG',
      `the store ${location} was written by a newer unherd (schema ${applied!.length}; this version knows schema ${STORE_SCHEMA_VERSION}, unknown migrations ${unknown.join(', ')})`,
      'upgrade unherd, or give another store with --db',
    );
  }
  if (applied !== null && applied.length === STORE_SCHEMA_VERSION) return;
  const migrator = new Migrator({ db, provider: inCodeProvider({ ...MIGRATIONS }) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
