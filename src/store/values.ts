/**
 * The one place where what the two drivers return is made the same (docs/adr/0006-store.md):
 * - counts and `bigint` columns: numbers from better-sqlite3, strings from pg;
 * - JSON: stored as text on both, parsed here;
 * - times: stored as epoch milliseconds, published as ISO 8601.
 */

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  throw new TypeError(`the store returned ${JSON.stringify(value)} where a number was expected`);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(toNumber(value)).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

export function fromJson<T>(value: unknown): T {
  if (typeof value === 'string') return JSON.parse(value) as T;
  // A jsonb column written by hand would come back parsed from pg: accept it as it is.
  return value as T;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Epoch milliseconds of a date given as a Date, an ISO string or a number. */
export function toEpochMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new TypeError(`not a time: ${String(value)}`);
  return ms;
}

export const flag = (value: boolean | undefined | null): number | null =>
  value === undefined || value === null ? null : value ? 1 : 0;
