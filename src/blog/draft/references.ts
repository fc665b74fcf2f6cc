import { IMPORT_PACKAGES } from '../../collectors/manifests/import-map.js';
import { STDLIB_MODULES } from '../../collectors/manifests/stdlib.js';
import type { FactsData } from '../../facts.js';

export interface Reference {
  text: string;
  url: string;
}

const DATA_HOSTS =
  /(kaggle\.com\/(datasets|c|competitions)|archive\.ics\.uci\.edu|zenodo\.org|data\.gov|huggingface\.co\/datasets|data\.europa\.eu|figshare\.com|opendata|data\.)/i;
const MAX_LIBRARIES = 10;

/** Papers (arXiv, DOI), data sets linked from the README, and the libraries the code imports, with links. */
export function collectReferences(facts: Partial<FactsData>): Reference[] {
  const refs: Reference[] = [];
  const seen = new Set<string>();
  const add = (text: string, url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    refs.push({ text, url });
  };
  for (const p of facts.signals?.paperReferences ?? []) {
    if (p.kind === 'arxiv') add(`arXiv:${p.id}`, `https://arxiv.org/abs/${p.id}`);
    else if (p.kind === 'doi') add(`doi:${p.id}`, `https://doi.org/${p.id}`);
    else add(p.id, p.id);
  }
  for (const l of facts.readme?.links ?? []) {
    if (DATA_HOSTS.test(l.url) && /^https?:\/\//.test(l.url)) add(`Data: ${l.text || l.url}`, l.url);
  }
  const local = new Set(facts.python?.localModules ?? []);
  const libraries = new Map<string, number>();
  for (const i of facts.python?.imports ?? []) {
    if (i.relative || i.top === '' || local.has(i.top) || STDLIB_MODULES.has(i.top)) continue;
    libraries.set(i.top, (libraries.get(i.top) ?? 0) + 1);
  }
  [...libraries.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_LIBRARIES)
    .forEach(([name]) => {
      // The import name is not always the package name (sklearn → scikit-learn).
      const pkg = IMPORT_PACKAGES[name]?.[0] ?? name;
      add(`${pkg} (library)`, `https://pypi.org/project/${pkg}/`);
    });
  return refs;
}
