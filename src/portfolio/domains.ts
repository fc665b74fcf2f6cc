import type { RepoReport } from '../engine/report.js';
import { DOMAIN_LEXICON, type DomainEntry } from './domain-lexicon.js';
import type { DomainHit, DomainView } from './types.js';

/** The README title and introduction as the summary opens with them, before data/stack/history. */
function problemText(repo: RepoReport): string {
  const cut = repo.summary.search(/\s(Data|Stack|History|Stands out|Red flags):\s/);
  return cut >= 0 ? repo.summary.slice(0, cut) : repo.summary;
}

/** What a repository says it is about: its name, README title/intro and section titles, topics. */
export function domainText(repo: RepoReport): string {
  const parts = [repo.name.replace(/[-_.]+/g, ' '), problemText(repo)];
  if (repo.facts) {
    parts.push(...repo.facts.readme.sections);
    parts.push(...repo.facts.overusedTopics.map((t) => t.name));
  }
  return parts.join(' \n ').toLowerCase();
}

function matchesTerm(words: ReadonlySet<string>, text: string, term: string): boolean {
  if (/[\s-]/.test(term)) return new RegExp(`(^|[^a-z])${term.replace(/-/g, '[- ]?')}`).test(text);
  return words.has(term) || words.has(`${term}s`) || words.has(`${term}es`);
}

/** Lexicon domains a text names, with the words that matched. */
export function domainsIn(
  text: string,
  lexicon: readonly DomainEntry[] = DOMAIN_LEXICON,
): Map<string, string[]> {
  const words = new Set(text.split(/[^a-z0-9]+/).filter((w) => w !== ''));
  const found = new Map<string, string[]>();
  for (const entry of lexicon) {
    const terms = entry.terms.filter((t) => matchesTerm(words, text, t));
    if (terms.length > 0) found.set(entry.id, [...terms].sort());
  }
  return found;
}

/** Domains that recur across the repositories; a focus is one named by two or more and by most. */
export function domainFocus(repos: readonly RepoReport[]): DomainView {
  const byDomain = new Map<string, { repos: string[]; terms: Set<string> }>();
  for (const repo of repos) {
    for (const [domain, terms] of domainsIn(domainText(repo))) {
      const entry = byDomain.get(domain) ?? { repos: [], terms: new Set<string>() };
      entry.repos.push(repo.name);
      for (const t of terms) entry.terms.add(t);
      byDomain.set(domain, entry);
    }
  }
  const domains: DomainHit[] = [...byDomain.entries()]
    .map(([domain, e]) => ({
      domain,
      label: DOMAIN_LEXICON.find((d) => d.id === domain)?.label ?? domain,
      repos: [...e.repos].sort(),
      terms: [...e.terms].sort(),
    }))
    .sort((a, b) => b.repos.length - a.repos.length || a.domain.localeCompare(b.domain));
  const top = domains[0];
  const focused = top !== undefined && top.repos.length >= 2 && top.repos.length * 2 >= repos.length;
  const tied = focused && domains[1] !== undefined && domains[1].repos.length === top.repos.length;
  const focus = focused && !tied ? top.domain : null;
  let note: string;
  const recurring = domains.filter((d) => d.repos.length >= 2);
  if (tied && top) {
    const names = recurring
      .filter((d) => d.repos.length === top.repos.length)
      .map((d) => d.label.toLowerCase());
    note = `No single focus: ${names.join(' and ')} each recur in ${top.repos.length} projects.`;
  } else if (domains.length === 0)
    note = 'No project names an application domain: each reads as a generic exercise.';
  else if (focus !== null && top)
    note = `${top.label} recurs in ${top.repos.length} of ${repos.length} projects: a domain to build expertise in.`;
  else
    note = `No recurring domain: projects touch ${domains
      .slice(0, 4)
      .map((d) => d.label.toLowerCase())
      .join(', ')}.`;
  return { focus, domains, note };
}
