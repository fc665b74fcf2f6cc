import type { PythonFacts } from '../python/types.js';
import type { TreeFile } from '../tree/types.js';
import { baseName } from './read.js';
import { isTestPath } from './tests.js';
import type { InfraFacts } from './types.js';

type EntryPoint = InfraFacts['entryPoints'][number];

/** Script names people use for "run the whole thing". */
const RUN_SCRIPT = /^(main|run|train|app|pipeline|run_pipeline|run_all|predict|serve)\.py$/;

/**
 * Target names from a Makefile: `name:` at the start of a line, not a variable assignment
 * (`x := y`), not a special target (`.PHONY`) and not a pattern rule (`%.o: %.c`).
 */
export function makeTargets(text: string): string[] {
  const targets: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9_][A-Za-z0-9_.\-/ ]*?)\s*::?(?!=)/.exec(line);
    if (!m) continue;
    for (const name of m[1]!.split(/\s+/)) {
      if (name && !name.includes('%') && !targets.includes(name)) targets.push(name);
    }
  }
  return targets;
}

export function entryPointsFromTree(tree: readonly TreeFile[], python: PythonFacts): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const f of tree) {
    const base = baseName(f.path);
    const depth = f.path.split('/').length - 1;
    if (base === 'dvc.yaml') out.push({ kind: 'dvc', path: f.path });
    else if (base === 'Snakefile' || f.ext === 'smk') out.push({ kind: 'snakemake', path: f.path });
    else if (base === 'MLproject') out.push({ kind: 'mlflow', path: f.path });
    else if (/^justfile$/i.test(base)) out.push({ kind: 'just', path: f.path });
    else if (/^Taskfile\.ya?ml$/.test(base)) out.push({ kind: 'task', path: f.path });
    else if (/^(nextflow\.config|main\.nf)$/.test(base)) out.push({ kind: 'nextflow', path: f.path });
    else if (RUN_SCRIPT.test(base) && depth <= 1 && !isTestPath(f.path))
      out.push({ kind: 'script', path: f.path });
  }
  const scripts = new Set(out.filter((e) => e.kind === 'script').map((e) => e.path));
  for (const file of python.files) {
    if (file.origin !== 'module' || !file.hasMainGuard || isTestPath(file.path) || scripts.has(file.path))
      continue;
    out.push({ kind: 'main-guard', path: file.path });
  }
  return out;
}

/** `[project.scripts]` and `[tool.poetry.scripts]` console commands from a parsed pyproject. */
export function consoleScripts(pyproject: Record<string, unknown>, path: string): EntryPoint[] {
  const project = pyproject.project as { scripts?: Record<string, unknown> } | undefined;
  const tool = pyproject.tool as { poetry?: { scripts?: Record<string, unknown> } } | undefined;
  const scripts = { ...(project?.scripts ?? {}), ...(tool?.poetry?.scripts ?? {}) };
  return Object.keys(scripts).map((name) => ({ kind: 'console-script', path, detail: name }));
}
