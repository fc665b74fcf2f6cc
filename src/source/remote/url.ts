import { createHash } from 'node:crypto';
import { UnherdError } from '../../errors.js';

/** A remote repository address we agreed to clone. */
export interface RemoteUrl {
  /** What git is given: the address as written, minus a GitHub web suffix such as `/tree/main`. */
  cloneUrl: string;
  /** Lower-cased host, default port and `.git` dropped: two spellings of one repository share it. */
  normalised: string;
  /** Transport git will use; the only one a clone of this URL may use. */
  protocol: 'https' | 'http' | 'ssh';
  host: string;
  /** The repository's name (last path segment without `.git`), for the report. */
  name: string;
}

export interface UrlPolicy {
  /** Plain http is refused unless the user asks for it (a server on their own network, tests). */
  allowHttp: boolean;
}

/** `user@host:path`, git's scp-like ssh syntax; the user part is required so `C:` or `a:b` stay local paths. */
const SCP_LIKE = /^([^@/:\s]+)@([^/:\s]+):(?!\/\/)(.+)$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** git's `<transport>::<address>` remote-helper syntax (ext::, fd::, …). */
const HELPER = /^[A-Za-z][A-Za-z0-9+.-]*::/;

/** True when the argument is meant as a remote address rather than a local folder. */
export function looksRemote(input: string): boolean {
  return SCHEME.test(input) || HELPER.test(input) || SCP_LIKE.test(input);
}

function refuse(input: string, why: string, hint?: string): never {
  throw new UnherdError('USAGE', `refusing ${JSON.stringify(input.slice(0, 200))}: ${why}`, hint);
}

/** Git reads a leading `-` as an option (`--upload-pack=…`); no part of an address may start with one. */
function checkParts(input: string, parts: readonly string[]): void {
  for (const part of parts) {
    if (part.startsWith('-')) refuse(input, `the part ${JSON.stringify(part)} looks like a git option`);
  }
}

function cleanPath(input: string, path: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    refuse(input, 'the path is not valid percent-encoding');
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) refuse(input, 'there is no repository path');
  if (segments.some((s) => s === '..' || s === '.')) refuse(input, 'the path contains `.` or `..`');
  checkParts(input, segments);
  return segments;
}

function nameOf(segments: readonly string[]): string {
  return (segments.at(-1) ?? '').replace(/\.git$/i, '') || 'repository';
}

function normalisedOf(
  protocol: string,
  user: string,
  host: string,
  port: string,
  segments: string[],
): string {
  const path = segments.join('/').replace(/\.git$/i, '');
  const auth = protocol === 'ssh' && user !== '' ? `${user}@` : '';
  return `${protocol}://${auth}${host.toLowerCase()}${port ? `:${port}` : ''}/${path}`;
}

/**
 * Validates a remote address and returns what to clone. Only `https://`, `ssh://` and
 * `user@host:path` are accepted, and `http://` with `allowHttp`; every other transport (`file://`,
 * `git://`, `ext::`, `fd::`) and anything git could read as an option is refused with a reason.
 */
export function parseRemoteUrl(input: string, policy: UrlPolicy): RemoteUrl {
  if (/[\s\u0000-\u001f\u007f]/.test(input)) refuse(input, 'it contains spaces or control characters');
  if (input.startsWith('-')) refuse(input, 'it looks like a git option');
  if (input.length > 2048) refuse(input, 'it is longer than 2048 characters');
  if (HELPER.test(input)) refuse(input, 'remote helpers (`<transport>::…`) can run programs');
  // URL parsing would quietly resolve `..`; an address that needs it is refused instead.
  if (input.split(/[/\\:]|%2f/i).some((s) => /^(\.|%2e){1,2}$/i.test(s)))
    refuse(input, 'the path contains `.` or `..`');

  const scp = SCP_LIKE.exec(input);
  if (scp && !SCHEME.test(input)) {
    const [, user = '', host = '', path = ''] = scp;
    checkParts(input, [user, host]);
    if (!/^[A-Za-z0-9._-]+$/.test(user) || !/^[A-Za-z0-9.-]+$/.test(host)) {
      refuse(input, 'the user or host name has characters a host name cannot have');
    }
    const segments = cleanPath(input, path);
    return {
      cloneUrl: input,
      normalised: normalisedOf('ssh', user, host, '', segments),
      protocol: 'ssh',
      host: host.toLowerCase(),
      name: nameOf(segments),
    };
  }

  const scheme = SCHEME.exec(input)?.[1]?.toLowerCase();
  if (scheme === undefined) refuse(input, 'it is neither a URL nor a local folder');
  if (scheme === 'http' && !policy.allowHttp) {
    refuse(input, 'plain http is not encrypted', 'use https, or pass --allow-http for a server you trust');
  }
  if (scheme !== 'https' && scheme !== 'ssh' && scheme !== 'http') {
    refuse(
      input,
      `the ${scheme}:// transport is not allowed`,
      'use an https://, ssh:// or git@host:path address',
    );
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    refuse(input, 'it is not a valid URL');
  }
  if (url.password !== '') {
    refuse(
      input,
      'it contains a password',
      'use an ssh key or a credential helper, not a password in the URL',
    );
  }
  if (url.search !== '' || url.hash !== '') refuse(input, 'a repository URL has no query or fragment');
  if (url.hostname === '') refuse(input, 'there is no host');
  const user = decodeURIComponent(url.username);
  checkParts(input, [user, url.hostname]);
  let segments = cleanPath(input, url.pathname);
  let cloneUrl = input;
  // A GitHub page such as /owner/repo/tree/main is a link to the repository owner/repo.
  if (url.hostname.toLowerCase() === 'github.com' && scheme === 'https' && segments.length > 2) {
    segments = segments.slice(0, 2);
    cloneUrl = `https://github.com/${segments.join('/')}`;
  }
  return {
    cloneUrl,
    normalised: normalisedOf(scheme, user, url.hostname, url.port, segments),
    protocol: scheme,
    host: url.hostname.toLowerCase(),
    name: nameOf(segments),
  };
}

/** Folder name for a URL in the cache: a hash, so no address can name or reach another's folder. */
export function cacheKey(remote: RemoteUrl): string {
  return createHash('sha256').update(remote.normalised).digest('hex').slice(0, 32);
}
