export interface GitCommit {
  hash: string;
  /** Index into GitFacts.authors (after alias merging). */
  author: number;
  /** ISO 8601 author date, UTC. */
  date: string;
  /** Unix seconds, author date. */
  timestamp: number;
  /** The author's UTC offset in minutes when committing. */
  tzOffsetMinutes: number;
  subject: string;
  parents: number;
  filesChanged: number;
  insertions: number;
  deletions: number;
  /**
   * Lines inserted in files that are the candidate's work: data dumps, lock files, exports and
   * vendored bundles (csv, json, txt, html, svg, *.lock, *.min.js …) are left out.
   */
  sourceInsertions: number;
  /** Paths touched (capped per commit). */
  paths: string[];
  isBot: boolean;
}

export interface GitAuthor {
  name: string;
  emails: string[];
  /** Other names seen for the same person (merged aliases). */
  aliases: string[];
  commits: number;
  isBot: boolean;
}

export interface CommitMessageQuality {
  /** Messages like "update", "commit", "final", "fix", "wip", "asdf", "Add files via upload". */
  lowInformation: number;
  /** Human, non-merge subjects judged (bots and merge commits are not the candidate's words). */
  judged: number;
  /** Subjects under 10 characters. */
  veryShort: number;
  /** Conventional / imperative, descriptive subjects. */
  descriptive: number;
  medianSubjectLength: number;
  /** Up to 5 examples of low-information subjects with their commit hash. */
  examples: { hash: string; subject: string }[];
}

export interface GitFacts {
  /** Why history was read only in part (missing objects), or null when it was read whole. */
  incomplete?: string | null;
  /** The repository has no commits yet (an empty `git init`). */
  empty: boolean;
  /** A shallow clone: history checks are unknown, not failed. */
  shallow: boolean;
  /** History was cut at `limits.maxCommits` (the newest commits are kept) or at the output cap. */
  truncated: boolean;
  /**
   * Commits reachable from HEAD (the default branch of a fresh clone, as GitHub shows a project),
   * merges and bots included. `commits`, `authors` and every count below describe the same history;
   * other branches are listed in `otherBranches`.
   */
  commitCount: number;
  /** HEAD's branch, or null when HEAD is detached. */
  defaultBranch?: string | null;
  /** Other local and remote-tracking branches (remote prefix dropped) with their commits not on HEAD. */
  otherBranches?: { name: string; commitsAhead: number }[];
  /** Human commits (bots excluded). */
  humanCommitCount: number;
  botCommits: number;
  commits: GitCommit[];
  authors: GitAuthor[];
  firstCommit: string | null;
  lastCommit: string | null;
  /** Days between first and last commit (fractional days rounded down). */
  spanDays: number;
  /** Distinct calendar days (UTC) with at least one human commit. */
  activeDays: number;
  /** Distinct ISO weeks with at least one human commit. */
  activeWeeks: number;
  /** Longest pause between consecutive human commits, in days. */
  longestGapDays: number;
  mergeCommits: number;
  /** Local and remote-tracking branch names (`main`, `origin/main`; HEAD excluded). */
  branches: string[];
  /** Distinct branch names once the remote prefix is dropped (`main` and `origin/main` are one). */
  distinctBranches: string[];
  currentBranch: string | null;
  messages: CommitMessageQuality;
  /**
   * The human, non-merge commit that inserted the most source lines (see `sourceInsertions`), with its
   * share of all source lines inserted; null when no source line was ever inserted.
   */
  largestCommit: {
    hash: string;
    subject: string;
    filesChanged: number;
    /** Source lines it inserted. */
    insertions: number;
    /** Its share of all source lines inserted, in [0, 1]. */
    share: number;
  } | null;
}
