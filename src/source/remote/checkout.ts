import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnherdError } from '../../errors.js';
import { type GitRepoLocation, gitText, runGit } from '../git.js';

/** A file at the audited commit whose content was left on the server by the partial clone. */
export interface NotDownloaded {
  path: string;
  /** Blob id: `git cat-file` on it would need the network, which the audit never allows. */
  oid: string;
  /** The clone's blob filter: the file is at least this large. */
  minBytes: number;
}

/** Written to `<git dir>/unherd-remote.json` so collectors can tell a skipped file from a missing one. */
export interface RemoteCheckoutInfo {
  url: string;
  commit: string | null;
  notDownloaded: NotDownloaded[];
}

export const REMOTE_INFO_FILE = 'unherd-remote.json';

/** gitignore-style escaping, so a file name is matched literally in the sparse-checkout list. */
export function sparsePattern(path: string): string {
  // A pattern cannot hold a newline; `?` matches that one character instead.
  const literal = path.replace(/[\\*?[\]]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f]/g, '?');
  return `!/${literal.replace(/ $/, '\\ ')}`;
}

/** Blob ids the partial clone did not download, among those reachable from `commit`'s tree. */
async function missingBlobs(repo: GitRepoLocation, commit: string, timeoutMs: number): Promise<Set<string>> {
  const out = await gitText(
    repo,
    ['rev-list', '--objects', '--missing=print', '--no-object-names', `${commit}^{tree}`],
    {
      timeoutMs,
      maxBytes: 256 * 1024 * 1024,
    },
  );
  const missing = new Set<string>();
  for (const line of out.split('\n')) if (line.startsWith('?')) missing.add(line.slice(1).trim());
  return missing;
}

/** Files at `commit` whose blob is in `missing` (read from trees, which a partial clone always has). */
async function pathsOf(
  repo: GitRepoLocation,
  commit: string,
  missing: ReadonlySet<string>,
  timeoutMs: number,
): Promise<{ path: string; oid: string }[]> {
  if (missing.size === 0) return [];
  const out = await runGit(repo, ['ls-tree', '-r', '-z', '--full-tree', commit], {
    timeoutMs,
    maxBytes: 256 * 1024 * 1024,
  });
  if (out.code !== 0) throw new UnherdError('GIT_FAILED', `git ls-tree failed: ${out.stderr.split('\n')[0]}`);
  const found: { path: string; oid: string }[] = [];
  for (const entry of out.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, oid] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && oid && missing.has(oid)) found.push({ path: entry.slice(tab + 1), oid });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Checks out the remote's default branch in a partial clone without fetching anything: files
 * whose content was not downloaded are excluded through sparse checkout (git lists them with
 * `ls-files -t` as `S`), and recorded with their blob id in `unherd-remote.json`. Lazy fetching
 * is switched off in the clone's own config (`protocol.allow=never`), so no later git command
 * of the audit reaches the network either; only our clone/fetch commands re-allow a transport.
 */
export async function checkoutDownloaded(
  repo: GitRepoLocation,
  url: string,
  minBytes: number,
  timeoutMs: number,
  previous: RemoteCheckoutInfo | null = null,
): Promise<RemoteCheckoutInfo> {
  const options = { timeoutMs };
  await gitText(repo, ['config', 'protocol.allow', 'never'], options);
  await gitText(repo, ['config', 'core.sparseCheckout', 'true'], options);
  const head = await runGit(
    repo,
    ['rev-parse', '--verify', '--quiet', 'refs/remotes/origin/HEAD^{commit}'],
    options,
  );
  let commit = head.code === 0 ? head.stdout.toString('utf8').trim() : '';
  if (commit === '') {
    // A server that does not say which branch is the default: take main, master, or the only one.
    const refs = await gitText(
      repo,
      ['for-each-ref', '--format=%(refname)', 'refs/remotes/origin/'],
      options,
    );
    const names = refs.split('\n').filter((r) => r !== '' && !r.endsWith('/HEAD'));
    const pick =
      names.find((r) => r.endsWith('/main')) ?? names.find((r) => r.endsWith('/master')) ?? names.sort()[0];
    commit = pick ? (await gitText(repo, ['rev-parse', '--verify', `${pick}^{commit}`], options)).trim() : '';
  }
  // Nothing new upstream: the worktree already holds this commit.
  if (previous && commit !== '' && previous.commit === commit && previous.url === url) return previous;
  const info: RemoteCheckoutInfo = { url, commit: commit || null, notDownloaded: [] };
  if (commit !== '') {
    const missing = await missingBlobs(repo, commit, timeoutMs);
    const files = await pathsOf(repo, commit, missing, timeoutMs);
    info.notDownloaded = files.map((f) => ({ ...f, minBytes }));
    await mkdir(join(repo.gitDir, 'info'), { recursive: true });
    const patterns = ['/*', ...files.map((f) => sparsePattern(f.path))];
    await writeFile(join(repo.gitDir, 'info', 'sparse-checkout'), `${patterns.join('\n')}\n`);
    const result = await runGit(repo, ['checkout', '--force', '--quiet', '--detach', commit], options);
    if (result.code !== 0) {
      throw new UnherdError(
        'GIT_FAILED',
        `could not check out the clone: ${result.stderr.split('\n').at(-1)}`,
      );
    }
  }
  await writeFile(join(repo.gitDir, REMOTE_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}
