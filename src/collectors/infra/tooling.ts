import { parseYaml as parse } from '../../lazy-require.js';

export const LINTER_CONFIG_FILES: Record<string, string> = {
  'ruff.toml': 'ruff',
  '.ruff.toml': 'ruff',
  '.flake8': 'flake8',
  '.pylintrc': 'pylint',
  pylintrc: 'pylint',
  'mypy.ini': 'mypy',
  '.mypy.ini': 'mypy',
  '.isort.cfg': 'isort',
  '.style.yapf': 'yapf',
  'pyrightconfig.json': 'pyright',
};

const TOOL_NAMES = ['ruff', 'black', 'isort', 'mypy', 'pylint', 'flake8', 'yapf', 'pyright', 'autopep8'];

/** Tools configured in pyproject.toml's `[tool.*]` tables. */
export function pyprojectTools(pyproject: Record<string, unknown>): { linters: string[]; jupytext: boolean } {
  const tool = (pyproject.tool ?? {}) as Record<string, unknown>;
  return { linters: TOOL_NAMES.filter((t) => t in tool), jupytext: 'jupytext' in tool };
}

/** `[flake8]`, `[isort]`, `[mypy]`, `[tool:isort]`, `[pylint.*]` sections of setup.cfg / tox.ini. */
export function iniTools(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/^\[(?:tool:)?(flake8|isort|mypy|pylint|pycodestyle|yapf)\b[^\]]*\]/gm)) {
    found.add(m[1]!);
  }
  return [...found];
}

export interface PrecommitHooks {
  linters: string[];
  notebookTooling: string[];
}

const HOOK_LINTERS: readonly [RegExp, string][] = [
  [/^ruff(-format|-check)?$/, 'ruff'],
  [/^black(-jupyter)?$/, 'black'],
  [/^flake8$/, 'flake8'],
  [/^isort$/, 'isort'],
  [/^mypy$/, 'mypy'],
  [/^pylint$/, 'pylint'],
  [/^nbqa-(\w+)$/, '$1'],
];

/** Hook ids from a pre-commit config; throws on broken YAML so the caller can record it. */
export function precommitHooks(text: string): PrecommitHooks {
  const doc = parse(text) as { repos?: { hooks?: { id?: unknown }[] }[] } | null;
  const ids: string[] = [];
  for (const repo of doc?.repos ?? [])
    for (const hook of repo?.hooks ?? []) if (typeof hook?.id === 'string') ids.push(hook.id);
  const linters = new Set<string>();
  const notebookTooling = new Set<string>();
  for (const id of ids) {
    for (const [re, name] of HOOK_LINTERS) {
      const m = re.exec(id);
      if (m) linters.add(name.replace('$1', m[1] ?? ''));
    }
    if (id === 'nbstripout') notebookTooling.add('nbstripout');
    if (id.startsWith('jupytext')) notebookTooling.add('jupytext');
    if (id.startsWith('nbqa')) notebookTooling.add('nbqa');
  }
  return { linters: [...linters], notebookTooling: [...notebookTooling] };
}
