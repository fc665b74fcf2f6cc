import type { RepoReport } from '../engine/report.js';
import type { EffortView, FlagshipProject } from './types.js';

/** Weekend projects: history spanning three days or less, or two active days or less. */
const WEEKEND_SPAN_DAYS = 3;
const WEEKEND_ACTIVE_DAYS = 2;
/** The flagship holds "most" of the work when it has at least this share of all active days. */
const CONCENTRATED_SHARE = 0.5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface History {
  repo: RepoReport;
  commits: number;
  spanDays: number;
  activeDays: number;
}

function histories(repos: readonly RepoReport[]): History[] {
  const out: History[] = [];
  for (const repo of repos) {
    const git = repo.facts?.git;
    if (!git || git.shallow) continue;
    out.push({ repo, commits: git.commitCount, spanDays: git.spanDays, activeDays: git.activeDays });
  }
  return out;
}

/**
 * The flagship: the project with the most active days (sustained work), then the longest span,
 * the most commits, the best score; repositories without history are ranked by score alone.
 */
export function pickFlagship(repos: readonly RepoReport[]): FlagshipProject | null {
  const withHistory = histories(repos);
  if (withHistory.length > 0) {
    const best = [...withHistory].sort(
      (a, b) =>
        b.activeDays - a.activeDays ||
        b.spanDays - a.spanDays ||
        b.commits - a.commits ||
        (b.repo.score ?? -1) - (a.repo.score ?? -1) ||
        a.repo.name.localeCompare(b.repo.name),
    )[0]!;
    return {
      name: best.repo.name,
      path: best.repo.path,
      score: best.repo.score,
      commitCount: best.commits,
      spanDays: best.spanDays,
      activeDays: best.activeDays,
      reason: `the most sustained work: ${plural(best.activeDays, 'active day')} over ${plural(best.spanDays, 'day')}, ${plural(best.commits, 'commit')}`,
    };
  }
  const scored = repos.filter((r) => r.score !== null);
  if (scored.length === 0) return null;
  const best = [...scored].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || a.name.localeCompare(b.name),
  )[0]!;
  return {
    name: best.name,
    path: best.path,
    score: best.score,
    commitCount: 0,
    spanDays: 0,
    activeDays: 0,
    reason: 'the best score (no git history to compare effort)',
  };
}

/** Whether effort goes into one project or is spread over many short ones. */
export function effortShape(repos: readonly RepoReport[], flagship: FlagshipProject | null): EffortView {
  const withHistory = histories(repos);
  const weekendRepos = withHistory
    .filter((h) => h.spanDays <= WEEKEND_SPAN_DAYS || h.activeDays <= WEEKEND_ACTIVE_DAYS)
    .map((h) => h.repo.name)
    .sort();
  if (withHistory.length === 0 || flagship === null || flagship.activeDays === 0) {
    return {
      shape: 'unknown',
      flagshipShare: null,
      weekendRepos,
      note: 'No readable git history, so how effort is spread cannot be judged.',
    };
  }
  const totalActive = withHistory.reduce((sum, h) => sum + h.activeDays, 0);
  const share = Math.round((flagship.activeDays / totalActive) * 100) / 100;
  if (withHistory.length === 1) {
    return { shape: 'single', flagshipShare: 1, weekendRepos, note: 'One project with history.' };
  }
  const flagshipIsWeekend = weekendRepos.includes(flagship.name);
  const concentrated = share >= CONCENTRATED_SHARE && !flagshipIsWeekend;
  const pct = Math.round(share * 100);
  const note = concentrated
    ? `Effort is concentrated: ${flagship.name} holds ${pct}% of all active days.`
    : `Effort is spread: the biggest project holds ${pct}% of active days` +
      (weekendRepos.length > 0
        ? `, and ${weekendRepos.length} of ${withHistory.length} are weekend projects.`
        : '.');
  return { shape: concentrated ? 'concentrated' : 'spread', flagshipShare: share, weekendRepos, note };
}
