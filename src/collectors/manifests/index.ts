import { describeError } from '../../errors.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import { type FoundKind, findManifests, LOCK_KINDS } from './find.js';
import { parseCondaEnvironment } from './parse-conda.js';
import { parseCondaLock, parseTomlLock } from './parse-locks.js';
import { parsePipfile, parsePipfileLock } from './parse-pipenv.js';
import { parsePyproject } from './parse-pyproject.js';
import { parseRequirements } from './parse-requirements.js';
import { parseSetupCfg, parseSetupPy } from './parse-setup.js';
import type { Parsed } from './parsed.js';
import type { DeclaredDependency, Manifest, ManifestKind, ManifestsFacts } from './types.js';
import { findUndeclared } from './undeclared.js';

/** `-r` chains deeper than this are a loop or a joke. */
const MAX_INCLUDE_DEPTH = 5;

/** Where a Python version is most deliberately stated, first wins. */
const VERSION_SOURCES: FoundKind[] = [
  'python-version',
  'runtime-txt',
  'pyproject',
  'pipfile',
  'setup-py',
  'setup-cfg',
  'environment-yml',
];

export default defineCollector({
  name: 'manifests',
  needs: ['tree', 'python'],
  async collect({ files, facts }): Promise<ManifestsFacts> {
    const found = findManifests(facts.tree.files);
    const inTree = new Set(facts.tree.files.map((f) => f.path));
    const manifests: Manifest[] = [];
    const versions = new Map<FoundKind, string>();
    const constraintFiles: string[] = [];
    const queue = found.map((f) => ({ ...f, depth: 0 }));
    const seen = new Set(found.map((f) => f.path));

    while (queue.length > 0) {
      const { path, kind, depth } = queue.shift()!;
      if (kind === 'runtime-txt' || kind === 'python-version') {
        const version = await readVersionFile(files, path, kind);
        if (version) versions.set(kind, version);
        continue;
      }
      const parsed = await parseFile(files, path, kind);
      if (parsed.pythonVersion && !versions.has(kind)) versions.set(kind, parsed.pythonVersion);
      const missing: string[] = [];
      for (const include of parsed.includes ?? []) {
        if (!inTree.has(include)) missing.push(include);
        else if (!seen.has(include) && depth < MAX_INCLUDE_DEPTH) {
          seen.add(include);
          queue.push({ path: include, kind: 'requirements', depth: depth + 1 });
        }
      }
      for (const constraint of parsed.constraints ?? []) {
        if (!inTree.has(constraint)) missing.push(constraint);
        else {
          constraintFiles.push(constraint);
          if (!seen.has(constraint)) {
            seen.add(constraint);
            queue.push({ path: constraint, kind: 'requirements', depth: depth + 1 });
          }
        }
      }
      const problems = [
        parsed.error,
        missing.length ? `includes ${missing.join(', ')}, which is not in the repository` : undefined,
      ].filter(Boolean);
      const manifest: Manifest = {
        path,
        kind,
        isLock: LOCK_KINDS.has(kind),
        dependencies: parsed.dependencies,
      };
      if (problems.length) manifest.error = problems.join('; ');
      manifests.push(manifest);
    }
    manifests.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    applyConstraints(manifests, constraintFiles);

    const declared = [...new Set(manifests.flatMap((m) => m.dependencies.map((d) => d.name)))].sort();
    const direct = manifests
      .filter((m) => !m.isLock && !constraintFiles.includes(m.path))
      .flatMap((m) => m.dependencies);
    const hasLock = manifests.some((m) => m.isLock && m.dependencies.length > 0);
    const unpinned = hasLock ? [] : direct.filter((d) => !d.pinned);
    const pinned = direct.length === 0 && !hasLock ? null : hasLock || unpinned.length === 0;
    const pythonVersion = VERSION_SOURCES.map((k) => versions.get(k)).find((v) => v) ?? null;

    return {
      manifests,
      declared,
      pinned,
      unpinned,
      undeclaredImports: findUndeclared(facts.python, declared),
      pythonVersion,
    };
  },
});

async function parseFile(files: RepoFiles, path: string, kind: ManifestKind): Promise<Parsed> {
  let read: Awaited<ReturnType<RepoFiles['readText']>>;
  try {
    read = await files.readText(path);
  } catch (err) {
    return { dependencies: [], error: describeError(err) };
  }
  if (read.encoding === 'binary') return { dependencies: [], error: 'not a text file' };
  const { text, truncated } = read;
  const parsed = parseText(path, kind, text, truncated);
  if (truncated && !LOCK_KINDS.has(kind) && !parsed.error) {
    parsed.error = `longer than ${read.bytesRead} bytes; only the start was read`;
  }
  return parsed;
}

function parseText(path: string, kind: ManifestKind, text: string, truncated: boolean): Parsed {
  switch (kind) {
    case 'requirements':
      return parseRequirements(path, text);
    case 'environment-yml':
      return parseCondaEnvironment(path, text);
    case 'pyproject':
      return parsePyproject(path, text);
    case 'setup-py':
      return parseSetupPy(path, text);
    case 'setup-cfg':
      return parseSetupCfg(path, text);
    case 'pipfile':
      return parsePipfile(path, text);
    case 'pipfile-lock':
      return parsePipfileLock(path, text, truncated);
    case 'poetry-lock':
    case 'uv-lock':
    case 'pdm-lock':
      return parseTomlLock(path, text);
    case 'conda-lock':
      return parseCondaLock(path, text);
  }
}

/** runtime.txt (`python-3.11.4`, Heroku-style) and .python-version (pyenv): the first line. */
async function readVersionFile(files: RepoFiles, path: string, kind: FoundKind): Promise<string | null> {
  try {
    const read = await files.readText(path, 4096);
    if (read.encoding === 'binary') return null;
    const first =
      read.text
        .split('\n')
        .find((l) => l.trim() && !l.trim().startsWith('#'))
        ?.trim() ?? '';
    const version = kind === 'runtime-txt' ? first.replace(/^python-/i, '') : first;
    return /^\d+(\.\d+)*|^(pypy|cpython|3\.)/i.test(version) ? version : null;
  } catch {
    return null;
  }
}

/** A dependency pinned in a `-c constraints.txt` file is pinned. */
function applyConstraints(manifests: Manifest[], constraintFiles: string[]): void {
  const pins = new Set<string>();
  for (const m of manifests) {
    if (constraintFiles.includes(m.path)) for (const d of m.dependencies) if (d.pinned) pins.add(d.name);
  }
  if (pins.size === 0) return;
  for (const m of manifests) {
    m.dependencies = m.dependencies.map((d: DeclaredDependency) =>
      !d.pinned && pins.has(d.name) ? { ...d, pinned: true } : d,
    );
  }
}
