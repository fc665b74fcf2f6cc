import type { RepoReport } from '../engine/report.js';
import type { CookieCutterRepo, RepeatedStack, RepetitionView } from './types.js';

/** A stack counts as repeated when at least this many libraries recur together. */
const MIN_SHARED_LIBRARIES = 3;

/** Notebooks with the stock load → split → fit → score shape, from facts or, failing that, SIG106. */
export function cookieCutterNotebooks(repo: RepoReport): string[] {
  const fromFacts = repo.facts?.cookieCutterNotebooks;
  if (fromFacts !== undefined) return [...fromFacts].sort();
  const files = repo.findings
    .filter((f) => f.name === 'cookie-cutter-notebook' && f.outcome === 'fail')
    .flatMap((f) => f.evidence.map((e) => e.file))
    .filter((f): f is string => f !== undefined);
  return [...new Set(files)].sort();
}

/** The largest set of libraries shared by two or more repositories, and every repository using it. */
export function repeatedStack(repos: readonly RepoReport[]): RepeatedStack | null {
  const stacks = repos
    .map((r) => ({ name: r.name, libs: new Set(r.facts?.stack ?? []) }))
    .filter((s) => s.libs.size > 0);
  let best: RepeatedStack | null = null;
  for (let i = 0; i < stacks.length; i++) {
    for (let j = i + 1; j < stacks.length; j++) {
      const shared = [...stacks[i]!.libs].filter((l) => stacks[j]!.libs.has(l)).sort();
      if (shared.length < MIN_SHARED_LIBRARIES) continue;
      const users = stacks
        .filter((s) => shared.every((l) => s.libs.has(l)))
        .map((s) => s.name)
        .sort();
      const better =
        best === null ||
        users.length > best.repos.length ||
        (users.length === best.repos.length && shared.length > best.libraries.length) ||
        (users.length === best.repos.length &&
          shared.length === best.libraries.length &&
          shared.join(',') < best.libraries.join(','));
      if (better) best = { libraries: shared, repos: users };
    }
  }
  return best;
}

export function repetition(repos: readonly RepoReport[]): RepetitionView {
  const stack = repeatedStack(repos);
  const cookieCutter: CookieCutterRepo[] = repos
    .map((r) => ({ repo: r.name, notebooks: cookieCutterNotebooks(r) }))
    .filter((c) => c.notebooks.length > 0)
    .sort((a, b) => a.repo.localeCompare(b.repo));
  const notes: string[] = [];
  if (cookieCutter.length >= 2) {
    notes.push(
      `${cookieCutter.length} projects have the same load → split → fit → score notebook; another one teaches nothing new.`,
    );
  } else if (cookieCutter.length === 1) {
    notes.push(`${cookieCutter[0]!.repo} has the stock load → split → fit → score notebook.`);
  }
  if (stack && stack.repos.length >= 2) {
    notes.push(
      `${stack.repos.length} of ${repos.length} projects use the same stack (${stack.libraries.join(', ')}).`,
    );
  }
  if (notes.length === 0) notes.push('No stack or notebook shape repeats across projects.');
  return { stack, cookieCutter, note: notes.join(' ') };
}
