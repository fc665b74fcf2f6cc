/**
 * Poetry/Pipfile version specs: a bare `1.2.3` or `==1.2.3` is exact; `^`, `~`, `*`, ranges are
 * not. A table pins through its `version`, or a git `rev`/`tag`.
 */
export function poetryPinned(spec: unknown): boolean {
  if (typeof spec === 'string') return /^\s*(===?)?\s*\d[^\s,*<>=!~^]*\s*$/.test(spec);
  if (spec && typeof spec === 'object' && !Array.isArray(spec)) {
    const t = spec as Record<string, unknown>;
    if (typeof t.version === 'string') return poetryPinned(t.version);
    return typeof t.rev === 'string' || typeof t.tag === 'string' || typeof t.ref === 'string';
  }
  return false;
}
