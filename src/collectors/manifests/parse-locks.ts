import { dependency, type Parsed } from './parsed.js';
import { normaliseName } from './pep508.js';

/**
 * poetry.lock, uv.lock and pdm.lock share one shape: `[[package]]` tables with `name` and
 * `version`. They can run to megabytes, so they are scanned line by line instead of parsed.
 */
export function parseTomlLock(path: string, text: string): Parsed {
  const result: Parsed = { dependencies: [] };
  const lines = text.split('\n');
  let inPackage = false;
  let pending: { name: string; line: number } | null = null;
  lines.forEach((line, i) => {
    if (/^\s*\[/.test(line)) {
      inPackage = /^\s*\[\[package\]\]\s*$/.test(line);
      pending = null;
      return;
    }
    if (!inPackage) return;
    const name = /^name\s*=\s*"([^"]+)"/.exec(line);
    if (name?.[1]) pending = { name: normaliseName(name[1]), line: i + 1 };
    const version = /^version\s*=\s*"([^"]+)"/.exec(line);
    if (version?.[1] && pending) {
      const p: { name: string; line: number } = pending;
      result.dependencies.push(dependency(path, p.line, p.name, `==${version[1]}`, true));
      pending = null;
    }
  });
  if (result.dependencies.length === 0 && text.trim() && !/\[\[package\]\]/.test(text)) {
    result.error = 'no [[package]] entries found';
  }
  return result;
}

/** conda-lock.yml: `package:` entries with `name:` keys; scanned line by line for the same reason. */
export function parseCondaLock(path: string, text: string): Parsed {
  const result: Parsed = { dependencies: [] };
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const m = /^\s*-?\s*name:\s*['"]?([A-Za-z0-9_][\w.-]*)/.exec(line);
    if (!m?.[1]) return;
    const name = normaliseName(m[1]);
    if (seen.has(name) || name === 'python') return;
    seen.add(name);
    result.dependencies.push(dependency(path, i + 1, name, '', true));
  });
  if (seen.size === 0 && text.trim()) result.error = 'no package entries found';
  return result;
}
