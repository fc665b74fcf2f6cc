import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UnherdError } from '../../errors.js';
import { commonCutoff, documentFrequency } from './boilerplate.js';
import { combine, compareFeatures, dice, distinctHashes, round, sharedPassages } from './compare.js';
import type {
  CodeUnit,
  Fingerprint,
  Neighbour,
  NeighboursReport,
  RepoCode,
  RepoFeatures,
  RepoProfile,
  SimilarityParts,
} from './types.js';
import { K, W } from './winnow.js';

/** Bump when the tables or the fingerprinting change: an old index would then silently mismatch. */
export const INDEX_SCHEMA_VERSION = 1;
/** SQLite's application_id for our files ('unhd'), so another program's database is told apart. */
const APPLICATION_ID = 0x756e6864;
export const DEFAULT_NEIGHBOUR_THRESHOLD = 0.3;
export const NEIGHBOURS_SHOWN = 5;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE repos (id INTEGER PRIMARY KEY, path TEXT NOT NULL, name TEXT NOT NULL, root TEXT,
  kept INTEGER NOT NULL, features TEXT NOT NULL);
CREATE TABLE units (repo INTEGER NOT NULL, unit INTEGER NOT NULL, file TEXT NOT NULL, cell INTEGER,
  PRIMARY KEY (repo, unit)) WITHOUT ROWID;
CREATE TABLE fingerprints (hash INTEGER NOT NULL, repo INTEGER NOT NULL, unit INTEGER NOT NULL,
  start INTEGER NOT NULL, lines INTEGER NOT NULL, PRIMARY KEY (hash, repo, unit, start)) WITHOUT ROWID;
CREATE TABLE hash_repos (hash INTEGER PRIMARY KEY, repos INTEGER NOT NULL) WITHOUT ROWID;
`;

const rebuildHint = (path: string) => `rebuild it with \`unherd herd index <dirs…> --out ${path}\``;

/** SQLite stores integers in 1–8 bytes by size; hashes go in as signed 32-bit to stay at 4 or fewer. */
const toDb = (hash: number) => hash | 0;
const fromDb = (hash: number) => hash >>> 0;

export interface IndexStats {
  repos: number;
  fingerprints: number;
  bytes: number;
}

/**
 * Writes the profiles to a fresh index file (written beside, then renamed over `out`, so a
 * failed build leaves any previous index intact). One file, no WAL, rows in hash order.
 */
export function writeIndex(out: string, profiles: readonly RepoProfile[], tool: string): IndexStats {
  const tmp = `${out}.partial-${process.pid}`;
  rmSync(tmp, { force: true });
  const all = profiles.map((p) => distinctHashes(p.code));
  const df = documentFrequency(all);
  const cutoff = commonCutoff(profiles.length);
  let db: Database.Database;
  try {
    db = new Database(tmp);
  } catch (err) {
    throw new UnherdError('UNREADABLE', `Cannot create ${out}: ${(err as Error).message}`);
  }
  let rows = 0;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${INDEX_SCHEMA_VERSION}`);
    db.exec(SCHEMA);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const repo = db.prepare(
      'INSERT INTO repos (id, path, name, root, kept, features) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const unit = db.prepare('INSERT INTO units (repo, unit, file, cell) VALUES (?, ?, ?, ?)');
    const fp = db.prepare(
      'INSERT OR IGNORE INTO fingerprints (hash, repo, unit, start, lines) VALUES (?, ?, ?, ?, ?)',
    );
    const hr = db.prepare('INSERT INTO hash_repos (hash, repos) VALUES (?, ?)');
    db.transaction(() => {
      for (const [key, value] of Object.entries({
        tool,
        schema: String(INDEX_SCHEMA_VERSION),
        k: String(K),
        w: String(W),
        repos: String(profiles.length),
        commonCutoff: Number.isFinite(cutoff) ? String(cutoff) : 'none',
      }))
        meta.run(key, value);
      const pending: [number, number, number, number, number][] = [];
      profiles.forEach((p, id) => {
        let kept = 0;
        for (const h of all[id]!) if ((df.get(h) ?? 0) <= cutoff) kept++;
        repo.run(id, p.path, p.name, p.root ?? null, kept, JSON.stringify(p.features));
        p.code.units.forEach((u, i) => {
          unit.run(id, i, u.file, u.cell ?? null);
        });
        for (const f of p.code.fingerprints)
          pending.push([toDb(f.hash), id, f.unit, f.startLine, f.endLine - f.startLine]);
      });
      // Sorted rows fill B-tree pages sequentially: a smaller file than random-order inserts.
      pending.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
      for (const row of pending) rows += fp.run(...row).changes;
      for (const h of [...df.keys()].map(toDb).sort((x, y) => x - y)) hr.run(h, df.get(fromDb(h))!);
    })();
    db.close();
  } catch (err) {
    db.close();
    rmSync(tmp, { force: true });
    throw err;
  }
  renameSync(tmp, out);
  return { repos: profiles.length, fingerprints: rows, bytes: statSync(out).size };
}

interface IndexedRepo {
  id: number;
  path: string;
  name: string;
  root: string | null;
  kept: number;
  features: RepoFeatures;
}

/** A reference index opened for queries. Every SQLite failure becomes a typed error naming the file. */
export class SimilarityIndex {
  private readonly repos: IndexedRepo[];
  private readonly cutoff: number;

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    const cutoff = this.meta('commonCutoff');
    this.cutoff = cutoff === undefined || cutoff === 'none' ? Number.POSITIVE_INFINITY : Number(cutoff);
    const rows = db
      .prepare('SELECT id, path, name, root, kept, features FROM repos ORDER BY id')
      .all() as (Omit<IndexedRepo, 'features'> & { features: string })[];
    this.repos = rows.map((r) => ({ ...r, features: JSON.parse(r.features) as RepoFeatures }));
  }

  /** Opens an index; a missing file, a file that is not one of ours, another schema version or a corrupt file is a typed error. */
  static open(path: string): SimilarityIndex {
    if (!existsSync(path))
      throw new UnherdError(
        'NOT_FOUND',
        `No similarity index at ${path}`,
        `build one with \`unherd herd index <dirs…> --out ${path}\``,
      );
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
      const app = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (app !== APPLICATION_ID)
        throw new UnherdError('CONFIG', `${path} is not an unherd similarity index`, rebuildHint(path));
      if (version !== INDEX_SCHEMA_VERSION)
        throw new UnherdError(
          'CONFIG',
          `${path} was built with index schema ${version}; this unherd reads schema ${INDEX_SCHEMA_VERSION}`,
          rebuildHint(path),
        );
      return new SimilarityIndex(db, path);
    } catch (err) {
      db?.close();
      throw asIndexError(err, path);
    }
  }

  get size(): number {
    return this.repos.length;
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  close(): void {
    this.db.close();
  }

  /** The nearest indexed repositories to a profile, with what they share and how herd-like it is. */
  neighbours(profile: RepoProfile, options: { threshold?: number; top?: number } = {}): NeighboursReport {
    try {
      return this.query(
        profile,
        options.threshold ?? DEFAULT_NEIGHBOUR_THRESHOLD,
        options.top ?? NEIGHBOURS_SHOWN,
      );
    } catch (err) {
      throw asIndexError(err, this.path);
    }
  }

  private query(profile: RepoProfile, threshold: number, top: number): NeighboursReport {
    const dfOf = this.db.prepare('SELECT repos FROM hash_repos WHERE hash = ?').pluck();
    const rowsOf = this.db.prepare('SELECT repo, unit, start, lines FROM fingerprints WHERE hash = ?');
    const shared = new Map<number, Set<number>>();
    const matches = new Map<number, Fingerprint[]>();
    let kept = 0;
    for (const hash of distinctHashes(profile.code)) {
      const df = (dfOf.get(toDb(hash)) as number | undefined) ?? 0;
      if (df > this.cutoff) continue;
      kept++;
      if (df === 0) continue;
      for (const row of rowsOf.all(toDb(hash)) as {
        repo: number;
        unit: number;
        start: number;
        lines: number;
      }[]) {
        const set = shared.get(row.repo) ?? new Set<number>();
        set.add(hash);
        shared.set(row.repo, set);
        const list = matches.get(row.repo) ?? [];
        if (list.length < 50_000)
          list.push({ hash, unit: row.unit, startLine: row.start, endLine: row.start + row.lines });
        matches.set(row.repo, list);
      }
    }
    const scored = this.repos
      .filter((r) => !(profile.root && r.root === profile.root))
      .map((r) => {
        const features = compareFeatures(profile.features, r.features);
        const parts: SimilarityParts = {
          code: round(dice(kept, r.kept, shared.get(r.id)?.size ?? 0)),
          dataset: round(features.dataset),
          topic: round(features.topic),
          stack: round(features.stack),
        };
        return { repo: r, parts, features, similarity: combine(parts) };
      })
      .sort((x, y) => y.similarity - x.similarity || x.repo.id - y.repo.id);

    const closest = scored.slice(0, NEIGHBOURS_SHOWN);
    const mean = (part: keyof SimilarityParts) =>
      closest.length === 0 ? 0 : round(closest.reduce((s, x) => s + x.parts[part], 0) / closest.length);
    const likeness: SimilarityParts = {
      code: mean('code'),
      dataset: mean('dataset'),
      topic: mean('topic'),
      stack: mean('stack'),
    };

    const nearest: Neighbour[] = scored
      .filter((x) => x.similarity >= threshold)
      .slice(0, top)
      .map((x) => {
        const theirs: RepoCode = {
          units: this.unitsOf(x.repo.id),
          fingerprints: matches.get(x.repo.id) ?? [],
          problems: [],
        };
        return {
          path: x.repo.path,
          name: x.repo.name,
          similarity: x.similarity,
          parts: x.parts,
          shared: {
            passages: sharedPassages(profile.code, theirs, shared.get(x.repo.id) ?? new Set()),
            ...x.features.shared,
          },
        };
      });
    return {
      index: this.path,
      compared: scored.length,
      herdLikeness: { overall: combine(likeness), ...likeness },
      nearest,
      error: null,
    };
  }

  private unitsOf(repo: number): CodeUnit[] {
    const rows = this.db
      .prepare('SELECT unit, file, cell FROM units WHERE repo = ? ORDER BY unit')
      .all(repo) as {
      unit: number;
      file: string;
      cell: number | null;
    }[];
    const units: CodeUnit[] = [];
    for (const r of rows) units[r.unit] = r.cell === null ? { file: r.file } : { file: r.file, cell: r.cell };
    return units;
  }
}

/** SQLite's own errors ("file is not a database", "database disk image is malformed") as ours. */
function asIndexError(err: unknown, path: string): UnherdError {
  if (err instanceof UnherdError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new UnherdError(
    'UNREADABLE',
    `Cannot read the similarity index ${path}: ${message}`,
    rebuildHint(path),
  );
}
