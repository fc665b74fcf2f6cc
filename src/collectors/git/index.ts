import { UnherdError } from '../../errors.js';
import { defineCollector } from '../define.js';
import { mergeAuthors } from './authors.js';
import { cadence } from './cadence.js';
import { splitByHead } from './default-branch.js';
import { type RawCommit, readLogResilient } from './log.js';
import { summariseMessages } from './messages.js';
import { isShallow, readHead, refsFromLog } from './refs.js';
import type { GitCommit, GitFacts } from './types.js';

/** Largest Unix time a JavaScript Date can hold; a forged date beyond it is read as 0. */
const MAX_SECONDS = 8.64e12;

export default defineCollector({
  name: 'git',
  needs: [],
  async collect({ git, limits }): Promise<GitFacts> {
    if (!git) throw new UnherdError('GIT_FAILED', 'not a git repository: history is unknown');
    const shallow = isShallow(git);
    const head = readHead(git.gitDir);
    // A detached HEAD is on no branch; name it so its commits are read too.
    const revisions = ['--branches', '--remotes', ...(head.detached ? ['HEAD'] : [])];
    const log = await readLogResilient(git, revisions, limits);
    const refs = refsFromLog(log.commits, head);
    // Counts describe HEAD's history, as GitHub shows a project; other branches are listed apart.
    const split = splitByHead(log.commits, refs.currentBranch);
    return {
      ...buildFacts(split.onHead, { shallow, truncated: log.truncated, ...refs }),
      defaultBranch: refs.currentBranch,
      otherBranches: split.otherBranches,
      incomplete: log.incomplete ?? null,
    };
  },
});

interface Context {
  shallow: boolean;
  truncated: boolean;
  branches: string[];
  distinctBranches: string[];
  currentBranch: string | null;
}

/** Turns raw commits (newest first, as git prints them) into the facts checks read. */
export function buildFacts(raw: RawCommit[], context: Context): GitFacts {
  const identityKey = (c: RawCommit) => `${c.name}\x1f${c.email}`;
  const identityIndex = new Map<string, number>();
  const identities: { name: string; email: string }[] = [];
  const counts: number[] = [];
  for (const c of raw) {
    const key = identityKey(c);
    let index = identityIndex.get(key);
    if (index === undefined) {
      index = identities.length;
      identityIndex.set(key, index);
      identities.push({ name: c.name, email: c.email });
      counts.push(0);
    }
    counts[index]! += 1;
  }
  const { authors, indexOf } = mergeAuthors(identities, counts);

  const commits: GitCommit[] = raw.map((c) => {
    const author = indexOf[identityIndex.get(identityKey(c))!]!;
    const timestamp = Math.abs(c.timestamp) <= MAX_SECONDS ? c.timestamp : 0;
    return {
      hash: c.hash,
      author,
      date: new Date(timestamp * 1000).toISOString(),
      timestamp,
      tzOffsetMinutes: c.tzOffsetMinutes,
      subject: c.subject,
      parents: c.parents,
      filesChanged: c.filesChanged,
      insertions: c.insertions,
      deletions: c.deletions,
      sourceInsertions: c.sourceInsertions,
      paths: c.paths,
      isBot: authors[author]!.isBot,
    };
  });

  const human = commits.filter((c) => !c.isBot);
  const ownWords = human.filter((c) => c.parents <= 1);
  const byTime = [...human].sort((a, b) => a.timestamp - b.timestamp);
  return {
    empty: commits.length === 0,
    shallow: context.shallow,
    truncated: context.truncated,
    commitCount: commits.length,
    humanCommitCount: human.length,
    botCommits: commits.length - human.length,
    commits,
    authors,
    firstCommit: byTime[0]?.hash ?? null,
    lastCommit: byTime[byTime.length - 1]?.hash ?? null,
    ...cadence(
      human.map((c) => c.timestamp),
      human.map((c) => c.timestamp + c.tzOffsetMinutes * 60),
    ),
    mergeCommits: commits.filter((c) => c.parents > 1).length,
    branches: context.branches,
    distinctBranches: context.distinctBranches,
    currentBranch: context.currentBranch,
    messages: summariseMessages(ownWords),
    largestCommit: largestCommit(commits),
  };
}

function largestCommit(commits: GitCommit[]): GitFacts['largestCommit'] {
  let total = 0;
  let best: GitCommit | null = null;
  for (const c of commits) {
    // Merges repeat their branches' lines; bots' reformatting and bumps are not the candidate's work.
    if (c.parents > 1 || c.isBot) continue;
    total += c.sourceInsertions;
    if (!best || c.sourceInsertions > best.sourceInsertions) best = c;
  }
  if (!best || total === 0) return null;
  return {
    hash: best.hash,
    subject: best.subject,
    filesChanged: best.filesChanged,
    insertions: best.sourceInsertions,
    share: best.sourceInsertions / total,
  };
}
