export interface GitCommit {
  hash: string;
  /** Index into GitFacts.authors (after alias merging). */
  author: number;
  /** ISO 8601 author date, UTC. */
  date: string;
  /** Unix seconds, author date. */
  timestamp: number;
  subject: string;
  parents: number;
  filesChanged: number;
  insertions: number;
  deletions: number;
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
  /** Subjects under 10 characters. */
  veryShort: number;
  /** Conventional / imperative, descriptive subjects. */
  descriptive: number;
  medianSubjectLength: number;
  /** Up to 5 examples of low-information subjects with their commit hash. */
  examples: { hash: string; subject: string }[];
}

export interface GitFacts {
  /** The repository has no commits yet (an empty `git init`). */
  empty: boolean;
  /** A shallow clone: history checks are unknown, not failed. */
  shallow: boolean;
  commitCount: number;
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
  /** Local and remote-tracking branch names (HEAD excluded). */
  branches: string[];
  currentBranch: string | null;
  messages: CommitMessageQuality;
  /** The commit that added the largest share of the repository's lines, if it dominates. */
  largestCommit: {
    hash: string;
    subject: string;
    filesChanged: number;
    insertions: number;
    share: number;
  } | null;
}
