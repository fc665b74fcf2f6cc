/** PEP 503 normalisation: lower-case, runs of `-`, `_`, `.` become one `-`. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

export interface Requirement {
  name: string;
  spec: string;
  pinned: boolean;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;

/**
 * One PEP 508 requirement (`pandas[excel]>=2,<3; python_version>"3.8"`, `x @ https://…`).
 * Returns null for anything that is not a named requirement (a bare path, an option line).
 */
export function parseRequirement(text: string): Requirement | null {
  const withoutMarker = text.split(';')[0]?.trim() ?? '';
  const m = NAME.exec(withoutMarker);
  if (!m?.[1]) return null;
  let rest = withoutMarker.slice(m[0].length).trim();
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    return { name: normaliseName(m[1]), spec: `@ ${url}`, pinned: isPinnedUrl(url) };
  }
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (rest && !/^[<>=!~]/.test(rest)) return null;
  return { name: normaliseName(m[1]), spec: rest, pinned: isExactPin(rest) };
}

/** `==1.2.3` or `===1.2.3`, alone (a wildcard `==1.2.*` or a range is not a pin). */
export function isExactPin(spec: string): boolean {
  return /^\s*===?\s*[^\s,*<>=!~]+\s*$/.test(spec);
}

/** A direct reference pins a version when it names a built artefact or a commit. */
export function isPinnedUrl(url: string): boolean {
  if (/\.(whl|tar\.gz|zip|tar\.bz2)(#.*)?$/i.test(url)) return true;
  return /@[0-9a-f]{7,40}(#.*)?$/i.test(url) || /@v?\d+(\.\d+)+(#.*)?$/.test(url);
}

/** The project name in an egg fragment or a wheel/sdist URL (`…#egg=name`, `name-1.0-py3-none-any.whl`). */
export function nameFromUrl(url: string): string | null {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url);
  if (egg?.[1]) return normaliseName(egg[1]);
  const file = /\/([A-Za-z0-9_.]+?)-\d[^/]*\.(whl|tar\.gz|zip)$/i.exec(url);
  if (file?.[1]) return normaliseName(file[1]);
  const repo = /\/([A-Za-z0-9_.-]+?)(\.git)?(@[^/#]*)?(#.*)?$/.exec(url);
  return repo?.[1] ? normaliseName(repo[1]) : null;
}

/** Line number (1-based) of the first occurrence of `needle` in `text`, or 1. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
