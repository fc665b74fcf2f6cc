import { buildFacts } from '../../collectors/git/index.js';
import { isSourcePath, type RawCommit } from '../../collectors/git/log.js';
import type { GitFacts } from '../../collectors/git/types.js';

/** A commit for a facts literal: a date, a subject, and what it touched. */
export interface CommitLiteral {
  date: string;
  subject: string;
  /** Path → lines inserted. */
  files?: Record<string, number>;
  author?: { name: string; email: string };
  merge?: boolean;
}

const ADA = { name: 'Ada Candidate', email: 'ada@example.com' };

/**
 * Git facts for check tests, built by the collector's own pure code from literal commits, so
 * the literals stay consistent (span, cadence, authors) without a repository on disk.
 */
export function gitFacts(
  commits: CommitLiteral[],
  extra: Partial<Pick<GitFacts, 'shallow' | 'branches' | 'distinctBranches' | 'currentBranch'>> = {},
): GitFacts {
  const raw: RawCommit[] = commits.map((c, i) => {
    const files = Object.entries(c.files ?? {});
    const author = c.author ?? ADA;
    return {
      hash: (i + 1).toString(16).padStart(40, 'c'),
      parents: c.merge ? 2 : i === 0 ? 0 : 1,
      timestamp: Date.parse(c.date.length === 10 ? `${c.date}T12:00:00Z` : c.date) / 1000,
      tzOffsetMinutes: 0,
      refs: [],
      name: author.name,
      email: author.email,
      subject: c.subject,
      filesChanged: files.length,
      insertions: files.reduce((sum, [, n]) => sum + n, 0),
      deletions: 0,
      sourceInsertions: files.filter(([p]) => isSourcePath(p)).reduce((sum, [, n]) => sum + n, 0),
      paths: files.map(([p]) => p),
    };
  });
  return {
    ...buildFacts(raw.reverse(), {
      shallow: extra.shallow ?? false,
      truncated: false,
      branches: extra.branches ?? ['main'],
      distinctBranches: extra.distinctBranches ?? ['main'],
      currentBranch: extra.currentBranch ?? 'main',
    }),
  };
}

/** `n` commits by the candidate, `everyDays` apart from `start`, each adding a small module. */
export function steadyCommits(start: string, n: number, everyDays: number): CommitLiteral[] {
  const t0 = Date.parse(`${start}T12:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(t0 + i * everyDays * 86_400_000).toISOString(),
    subject: `Add feature engineering step ${i + 1} for fares`,
    files: { [`src/features_${i}.py`]: 40 },
  }));
}
