import type { PythonFacts } from '../python/types.js';
import type { TreeFile } from '../tree/types.js';
import { type FileCode, importsModule } from './code-index.js';
import { linesOf, type TextSource, where } from './text-sources.js';
import type { SignalEvidence, SignalsFacts } from './types.js';

type Tool = NonNullable<SignalsFacts['tool']>;

/** Pipeline and orchestration frameworks, by a file they need or a module their code imports. */
const PIPELINE_FILES: [RegExp, string][] = [
  [/(^|\/)(Snakefile|[^/]+\.smk)$/, 'snakemake'],
  [/(^|\/)dbt_project\.ya?ml$/, 'dbt'],
  [/(^|\/)dvc\.yaml$/, 'dvc'],
  [/(^|\/)(main\.nf|nextflow\.config)$/, 'nextflow'],
  [/(^|\/)\.kedro\.yml$|(^|\/)conf\/base\/catalog\.ya?ml$/, 'kedro'],
  [/(^|\/)_targets\.R$/, 'targets'],
  [/(^|\/)MLproject$/, 'mlflow'],
];
const PIPELINE_MODULES: [string, string][] = [
  ['airflow', 'airflow'],
  ['prefect', 'prefect'],
  ['kedro', 'kedro'],
  ['dagster', 'dagster'],
  ['luigi', 'luigi'],
  ['metaflow', 'metaflow'],
  ['zenml', 'zenml'],
  ['snakemake', 'snakemake'],
  ['kfp', 'kubeflow'],
];
const CLI_MODULES = ['click', 'typer', 'argparse', 'fire', 'docopt'];

const TEST_PATH = /(^|\/)(tests?|testing)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;
const TEACHING = /(^|\/)(examples?|notebooks?|tutorials?|docs?|scripts?)\//;

/**
 * What a tool or pipeline project publishes: an installable package with importable modules, a
 * command-line entry point, a pipeline definition, a scraper framework. Judged from files and
 * imports; nothing is run.
 */
export function findTool(
  tree: readonly TreeFile[],
  python: PythonFacts,
  code: readonly FileCode[],
  packaging: { consoleScripts: string[]; scriptsFile: string | null; rPackage: string | null },
): Tool {
  const paths = tree.map((f) => f.path);
  const evidence: SignalEvidence[] = [];
  const packageFiles = paths.filter((p) => /^(setup\.py|setup\.cfg|pyproject\.toml)$/.test(p));
  // Importable modules: .py files in a folder with __init__.py, outside tests and examples.
  const initFolders = new Set(
    paths.filter((p) => /(^|\/)__init__\.py$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('/') + 1)),
  );
  const modules = python.files.filter(
    (f) =>
      f.origin === 'module' &&
      !f.generated &&
      !TEST_PATH.test(f.path) &&
      !TEACHING.test(f.path) &&
      !/(^|\/)__init__\.py$/.test(f.path) &&
      initFolders.has(f.path.slice(0, f.path.lastIndexOf('/') + 1)),
  );
  const isPackage = (packageFiles.length > 0 && modules.length > 0) || packaging.rPackage !== null;
  if (packageFiles.length > 0 && modules.length > 0) evidence.push({ file: packageFiles[0]! });
  if (packaging.rPackage !== null) evidence.push({ file: packaging.rPackage });

  const cli = new Map<string, string>(packaging.consoleScripts.map((s) => [s, packaging.scriptsFile ?? '']));
  for (const p of paths) if (/(^|\/)__main__\.py$/.test(p) && !TEST_PATH.test(p)) cli.set(p, p);
  const mainGuarded = new Set(python.files.filter((f) => f.hasMainGuard).map((f) => f.path));
  for (const c of code) {
    if (TEST_PATH.test(c.file) || !mainGuarded.has(c.file)) continue;
    const lib = CLI_MODULES.find((m) => importsModule(c, m));
    if (lib) cli.set(`${c.file} (${lib})`, c.file);
  }
  const cliFile = [...cli.values()].find((f) => f !== '');
  if (cliFile) evidence.push({ file: cliFile });

  const pipelines = new Map<string, string>();
  for (const p of paths) {
    for (const [re, name] of PIPELINE_FILES) if (re.test(p) && !pipelines.has(name)) pipelines.set(name, p);
    if (/(^|\/)dags\/[^/]+\.py$/.test(p) && !pipelines.has('airflow')) pipelines.set('airflow', p);
  }
  for (const c of code) {
    for (const [module, name] of PIPELINE_MODULES) {
      if (!pipelines.has(name) && importsModule(c, module)) pipelines.set(name, c.file);
    }
  }
  for (const file of pipelines.values()) evidence.push({ file });

  const scrapyCfg = paths.find((p) => /(^|\/)scrapy\.cfg$/.test(p));
  const spiders = code.filter((c) => importsModule(c, 'scrapy') && /(^|\/)spiders\/[^/]+\.py$/.test(c.file));
  const scraperFramework = scrapyCfg !== undefined || spiders.length > 0;
  if (scraperFramework) evidence.push({ file: scrapyCfg ?? spiders[0]!.file });

  const kinds: Tool['kinds'] = [];
  if (isPackage) kinds.push('package');
  if (cli.size > 0) kinds.push('cli');
  if (pipelines.size > 0) kinds.push('pipeline');
  if (scraperFramework) kinds.push('scraper');
  return {
    kinds,
    package: isPackage,
    importableModules: modules.length,
    cliEntryPoints: [...cli.keys()].sort(),
    pipelines: [...pipelines.keys()].sort(),
    scraperFramework,
    evidence,
  };
}

const FROM_SCRATCH =
  /\b(from\s+scratch|random(?:ly)?\s+initiali[sz]ed|without\s+pre-?train(?:ed|ing)|no\s+pre-?train(?:ed|ing))\b/i;
const DL_FRAMEWORKS = ['torch', 'tensorflow', 'keras', 'jax', 'flax'];

/**
 * Models trained from scratch: the text says so, or a deep-learning project loads no pretrained
 * weights at all (the pretrained-model advice is then about the project, not a missed shortcut).
 */
export function findFromScratch(
  sources: readonly TextSource[],
  code: readonly FileCode[],
  pretrainedCount: number,
): NonNullable<SignalsFacts['trainsFromScratch']> | null {
  for (const source of sources) {
    if (source.kind === 'code-cell') continue;
    if (!FROM_SCRATCH.test(source.text)) continue;
    for (const { text, line } of linesOf(source)) {
      if (FROM_SCRATCH.test(text)) return { via: 'text', ...where(source, line) };
    }
  }
  if (pretrainedCount > 0) return null;
  for (const c of code) {
    if (TEST_PATH.test(c.file)) continue;
    const framework = DL_FRAMEWORKS.find((m) => importsModule(c, m));
    const trains = c.calls.some((call) => /(^|\.)(fit|backward|train_step|step)$/.test(call.callee));
    if (framework && trains) {
      const call = c.calls.find((x) => /(^|\.)(fit|backward|train_step|step)$/.test(x.callee))!;
      return {
        via: `${framework} training without pretrained weights`,
        ...(call.cell === undefined
          ? { file: call.file, line: call.line }
          : { file: call.file, line: call.line, cell: call.cell }),
      };
    }
  }
  return null;
}
