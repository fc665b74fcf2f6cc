import { parseToml } from '../../lazy-require.js';
import { dependency, type Parsed } from './parsed.js';
import { lineOf, normaliseName } from './pep508.js';
import { poetryPinned } from './poetry.js';

/** Pipfile: `[packages]`, `[dev-packages]` and `[requires] python_version`. */
export function parsePipfile(path: string, text: string): Parsed {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    return {
      dependencies: [],
      error: `invalid TOML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
    };
  }
  const result: Parsed = { dependencies: [] };
  for (const key of ['packages', 'dev-packages']) {
    const section = data[key];
    if (!section || typeof section !== 'object') continue;
    for (const [name, spec] of Object.entries(section as Record<string, unknown>)) {
      const version =
        typeof spec === 'string' ? spec : String((spec as Record<string, unknown>)?.version ?? '');
      const pinned =
        typeof spec === 'string' ? /^==/.test(spec.trim()) && poetryPinned(spec) : poetryPinned(spec);
      result.dependencies.push(
        dependency(path, lineOf(text, `${name} =`), normaliseName(name), version, pinned),
      );
    }
  }
  const requires = data.requires as Record<string, unknown> | undefined;
  const python = requires?.python_full_version ?? requires?.python_version;
  if (typeof python === 'string') result.pythonVersion = python;
  return result;
}

/** Pipfile.lock (JSON): every package in `default` and `develop` is locked. */
export function parsePipfileLock(path: string, text: string, truncated: boolean): Parsed {
  if (truncated) return { dependencies: [], error: 'too large to read whole; lock entries not listed' };
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    return { dependencies: [], error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const result: Parsed = { dependencies: [] };
  for (const key of ['default', 'develop']) {
    const section = data?.[key];
    if (!section || typeof section !== 'object') continue;
    for (const [name, entry] of Object.entries(section as Record<string, unknown>)) {
      const version = String((entry as Record<string, unknown>)?.version ?? '');
      result.dependencies.push(
        dependency(path, lineOf(text, `"${name}"`), normaliseName(name), version, true),
      );
    }
  }
  return result;
}
