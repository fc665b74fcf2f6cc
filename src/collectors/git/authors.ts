import type { GitAuthor } from './types.js';

export interface Identity {
  name: string;
  email: string;
}

const BOT_NAME =
  /\[bot\]|^dependabot|^renovate|github-actions|^github action$|^pre-commit-ci|^snyk-bot|^greenkeeper|^imgbot|allcontributors|^codecov|^mergify|semantic-release-bot|^gitlab-bot|^deepsource|^pyup-bot|^restyled|^whitesource|^mend-bolt|^sourcery-ai|^actions-user$/i;

const BOT_EMAIL =
  /\[bot\]@|^actions?@github\.com$|^noreply@github\.com$|@dependabot\.com$|@renovateapp\.com$|pre-commit-ci|^bot@|^github-actions@/i;

/** Automation that commits: dependency updaters, CI, formatters. Their commits are not the candidate's work. */
export function isBotIdentity({ name, email }: Identity): boolean {
  return BOT_NAME.test(name.trim()) || BOT_EMAIL.test(email.trim());
}

/** Names too common to say two identities are one person ("root" on two laptops is two people). */
const GENERIC_NAMES = new Set([
  'root',
  'user',
  'admin',
  'ubuntu',
  'unknown',
  'yourname',
  'name',
  'pi',
  'jovyan',
  'git',
]);

/** "Ada Lovelace", "ada.lovelace", "ADA-LOVELACE" and "Adá Lovelace" are the same person's name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/** The GitHub login in a `123+login@users.noreply.github.com` address, or null. */
export function githubLogin(email: string): string | null {
  return NOREPLY.exec(email.trim())?.[1] ?? null;
}

function keysOf(identity: Identity, bot: boolean): string[] {
  const prefix = bot ? 'bot:' : '';
  const keys: string[] = [];
  const email = identity.email.trim().toLowerCase();
  if (email.includes('@')) keys.push(`${prefix}email:${email}`);
  const name = normaliseName(identity.name);
  if (name.length >= 2 && !GENERIC_NAMES.has(name)) keys.push(`${prefix}name:${name}`);
  const login = githubLogin(email);
  if (login) {
    const normalised = normaliseName(login);
    if (normalised.length >= 2) keys.push(`${prefix}name:${normalised}`);
  }
  // An identity with neither a usable email nor name is only itself.
  if (keys.length === 0) keys.push(`${prefix}raw:${identity.name}\x1f${identity.email}`);
  return keys;
}

export interface MergedAuthors {
  authors: GitAuthor[];
  /** For each input identity (same order), its index in `authors`. */
  indexOf: number[];
}

/**
 * Merges obvious aliases of one person: the same email, the same normalised name, or a GitHub
 * noreply address whose login matches a name. Bots are merged only with bots. `commits[i]` is the
 * number of commits by `identities[i]`.
 */
export function mergeAuthors(identities: Identity[], commits: number[]): MergedAuthors {
  const parent = identities.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const owner = new Map<string, number>();
  const bots = identities.map(isBotIdentity);
  identities.forEach((identity, i) => {
    for (const key of keysOf(identity, bots[i]!)) {
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, i);
      else parent[find(i)] = find(seen);
    }
  });

  const groups = new Map<number, number[]>();
  identities.forEach((_, i) => {
    const root = find(i);
    const members = groups.get(root) ?? [];
    members.push(i);
    groups.set(root, members);
  });

  const built = [...groups.values()].map((members) => {
    const byName = new Map<string, number>();
    const emails = new Set<string>();
    let total = 0;
    for (const m of members) {
      const { name, email } = identities[m]!;
      byName.set(name, (byName.get(name) ?? 0) + commits[m]!);
      if (email) emails.add(email);
      total += commits[m]!;
    }
    // The name used most often is the person's name; the others are aliases.
    const names = [...byName.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const author: GitAuthor = {
      name: names[0]![0],
      emails: [...emails].sort(),
      aliases: names.slice(1).map(([n]) => n),
      commits: total,
      isBot: bots[members[0]!]!,
    };
    return { author, members };
  });
  built.sort((a, b) => b.author.commits - a.author.commits || a.author.name.localeCompare(b.author.name));

  const indexOf = new Array<number>(identities.length).fill(0);
  built.forEach(({ members }, index) => {
    for (const m of members) indexOf[m] = index;
  });
  return { authors: built.map((b) => b.author), indexOf };
}
