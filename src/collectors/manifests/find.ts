import type { TreeFile } from '../tree/types.js';
import type { ManifestKind } from './types.js';

export type FoundKind = ManifestKind | 'runtime-txt' | 'python-version';

/** Folders whose manifests belong to someone else's code (vendored, virtualenvs, examples of a tool). */
const FOREIGN =
  /(^|\/)(node_modules|site-packages|\.venv|venv|env|\.tox|\.nox|vendor|third_party|external)\//;

/** Decides from a path alone whether it is a dependency manifest, and of which kind. */
export function manifestKind(path: string): FoundKind | null {
  if (FOREIGN.test(path)) return null;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const lower = name.toLowerCase();
  const folder = slash < 0 ? '' : path.slice(0, slash).toLowerCase();
  if (/(^|[-_.])requirements?([-_.][\w.-]*)?\.(txt|in|pip)$/.test(lower)) return 'requirements';
  if (/(^|\/)requirements$/.test(folder) && /\.(txt|in)$/.test(lower)) return 'requirements';
  if (/^(environment|conda|env)([-_.][\w.-]*)?\.ya?ml$/.test(lower) && !lower.includes('lock'))
    return 'environment-yml';
  if (lower === 'pyproject.toml') return 'pyproject';
  if (lower === 'setup.py') return 'setup-py';
  if (lower === 'setup.cfg') return 'setup-cfg';
  if (name === 'Pipfile') return 'pipfile';
  if (name === 'Pipfile.lock') return 'pipfile-lock';
  if (lower === 'poetry.lock') return 'poetry-lock';
  if (lower === 'uv.lock') return 'uv-lock';
  if (lower === 'pdm.lock') return 'pdm-lock';
  if (/conda-lock\.ya?ml$/.test(lower) || /\.conda-lock\.ya?ml$/.test(lower)) return 'conda-lock';
  if (lower === 'runtime.txt') return 'runtime-txt';
  if (lower === '.python-version') return 'python-version';
  return null;
}

export const LOCK_KINDS: ReadonlySet<ManifestKind> = new Set([
  'pipfile-lock',
  'poetry-lock',
  'conda-lock',
  'uv-lock',
  'pdm-lock',
]);

export function findManifests(files: readonly TreeFile[]): { path: string; kind: FoundKind }[] {
  const found: { path: string; kind: FoundKind }[] = [];
  for (const file of files) {
    const kind = manifestKind(file.path);
    if (kind) found.push({ path: file.path, kind });
  }
  return found;
}
