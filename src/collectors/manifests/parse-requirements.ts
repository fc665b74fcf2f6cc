import { posix } from 'node:path';
import { dependency, type Parsed } from './parsed.js';
import { nameFromUrl, normaliseName, parseRequirement } from './pep508.js';

/**
 * pip requirements files: comments, `\` continuations, `-r`/`-c` includes, `-e` editables,
 * direct URLs, environment markers and per-line options (`--hash=…`).
 */
export function parseRequirements(path: string, text: string): Parsed {
  const result: Parsed = { dependencies: [], includes: [], constraints: [] };
  const problems: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] ?? '');
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const option = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s+|=)?(.*)$/.exec(line);
    if (option) {
      const flag = option[1] ?? '';
      const value = (option[2] ?? '').trim();
      if (flag === '-r' || flag === '--requirement') result.includes?.push(relativeTo(path, value));
      else if (flag === '-c' || flag === '--constraint') result.constraints?.push(relativeTo(path, value));
      else addUrlOrPath(result, path, lineNo, value);
      continue;
    }
    if (line.startsWith('-')) continue; // --index-url, --extra-index-url, -f, --pre …: not packages
    const requirement = line.replace(/\s+--\S+.*$/, '');
    if (/^(git\+|hg\+|svn\+|bzr\+|https?:|file:)/i.test(requirement) || /^[./~]/.test(requirement)) {
      addUrlOrPath(result, path, lineNo, requirement);
      continue;
    }
    const parsed = parseRequirement(requirement);
    if (parsed) result.dependencies.push(dependency(path, lineNo, parsed.name, parsed.spec, parsed.pinned));
    else problems.push(`line ${lineNo}: cannot read "${requirement.slice(0, 60)}"`);
  }
  if (problems.length > 0) result.error = problems.slice(0, 3).join('; ');
  return result;
}

/** `-e .` and local paths are the project itself; URLs name a package we can still count. */
function addUrlOrPath(result: Parsed, path: string, line: number, value: string): void {
  if (!value || /^[./~]/.test(value) || /^file:/i.test(value)) return;
  const named = parseRequirement(value);
  if (named && !/^(git\+|https?:)/i.test(value)) {
    result.dependencies.push(dependency(path, line, named.name, named.spec, named.pinned));
    return;
  }
  const name = nameFromUrl(value);
  if (!name) return;
  const pinned =
    /@[0-9a-f]{7,40}(#|$)/i.test(value) ||
    /@v?\d+(\.\d+)+(#|$)/.test(value) ||
    /\.(whl|tar\.gz|zip)$/i.test(value);
  result.dependencies.push(dependency(path, line, normaliseName(name), value, pinned));
}

/** An include path as written, resolved against the including file's folder. */
export function relativeTo(from: string, target: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(from), target.trim()));
  return joined.replace(/^\.\//, '');
}
