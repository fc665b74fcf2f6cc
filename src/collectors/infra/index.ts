import { parseToml } from '../../lazy-require.js';
import type { RepoFiles } from '../../source/repo-files.js';
import { defineCollector } from '../define.js';
import { scanScripts } from '../scripts/scan.js';
import type { TreeFile } from '../tree/types.js';
import { ciFiles, isGithubWorkflow, lintersInText, runsTestCommand, summariseWorkflow } from './ci.js';
import { deploymentByName, isEcsTaskDefinition, isKubernetesManifest, spacesSdk } from './deployment.js';
import { consoleScripts, entryPointsFromTree, makeTargets } from './entry-points.js';
import { LICENSE_FILE, licenseName } from './license.js';
import { otherStackTests, rWebApps } from './other-stacks.js';
import { baseName, type Problems, readConfig } from './read.js';
import { filesWithAssertions, findTests, jsTests } from './tests.js';
import { iniTools, LINTER_CONFIG_FILES, precommitHooks, pyprojectTools } from './tooling.js';
import type { InfraFacts } from './types.js';
import { findWebApps, otherStackWebApps } from './web-apps.js';

/** YAML/JSON files opened to look for Kubernetes or ECS definitions; the rest are judged by name. */
const MAX_MANIFEST_SNIFFS = 200;

export default defineCollector({
  name: 'infra',
  needs: ['tree', 'python'],
  async collect({ files, facts }) {
    const { tree, python } = facts;
    const paths = tree.files.map((f) => f.path);
    const problemList: InfraFacts['problems'] = [];
    const problems: Problems = { add: (file, message) => problemList.push({ file, message }) };
    const linters = new Set<string>();
    const notebookTooling = new Set<string>();

    const ci = await collectCi(files, paths, problems, linters);
    const deployment = deploymentByName(tree.files, python);
    deployment.push(...(await sniffManifests(files, tree.files, problems)));
    const entryPoints = entryPointsFromTree(tree.files, python);
    const targets: string[] = [];
    let license: string | null = null;
    let precommit = false;

    for (const f of tree.files) {
      const base = baseName(f.path);
      const atRoot = f.path === base;
      if (/^(GNUmakefile|Makefile|makefile)$/.test(base) && f.path.split('/').length <= 2) {
        const text = await readConfig(files, f.path, problems);
        const found = text ? makeTargets(text) : [];
        for (const t of found) if (!targets.includes(t)) targets.push(t);
        entryPoints.push({
          kind: 'make',
          path: f.path,
          ...(found.length ? { detail: found.join(' ') } : {}),
        });
      } else if (atRoot && base === 'pyproject.toml') {
        const text = await readConfig(files, f.path, problems);
        if (text === null) continue;
        try {
          const doc = parseToml(text) as Record<string, unknown>;
          entryPoints.push(...consoleScripts(doc, f.path));
          const tools = pyprojectTools(doc);
          for (const l of tools.linters) linters.add(l);
          if (tools.jupytext) notebookTooling.add('jupytext');
          license ??= pyprojectLicense(doc);
        } catch (err) {
          problems.add(f.path, `cannot parse TOML: ${(err as Error).message.split('\n')[0]}`);
        }
      } else if (atRoot && (base === 'setup.cfg' || base === 'tox.ini')) {
        const text = await readConfig(files, f.path, problems);
        for (const l of text ? iniTools(text) : []) linters.add(l);
      } else if (LINTER_CONFIG_FILES[base]) {
        linters.add(LINTER_CONFIG_FILES[base]);
      } else if (atRoot && /^\.pre-commit-config\.ya?ml$/.test(base)) {
        precommit = true;
        const text = await readConfig(files, f.path, problems);
        if (text === null) continue;
        try {
          const hooks = precommitHooks(text);
          for (const l of hooks.linters) linters.add(l);
          for (const t of hooks.notebookTooling) notebookTooling.add(t);
        } catch (err) {
          problems.add(f.path, `cannot parse YAML: ${(err as Error).message.split('\n')[0]}`);
        }
      } else if (base === '.gitattributes') {
        const text = await readConfig(files, f.path, problems);
        if (text && /filter\s*=\s*nbstripout/.test(text)) notebookTooling.add('nbstripout');
      } else if (/^\.?jupytext(\.toml|\.ya?ml)?$/.test(base)) {
        notebookTooling.add('jupytext');
      } else if (atRoot && LICENSE_FILE.test(base) && license === null) {
        const text = await readConfig(files, f.path, problems);
        if (text !== null) license = licenseName(text);
      } else if (atRoot && /^readme\.md$/i.test(base)) {
        const text = await readConfig(files, f.path, problems);
        const sdk = text ? spacesSdk(text) : null;
        if (sdk) deployment.push({ kind: 'huggingface-spaces', path: f.path });
      }
    }

    const scripts = await scanScripts(files, tree.files);
    const tests = mergeTests(
      mergeTests(
        findTests(python, paths, await filesWithAssertions(files, python, problems)),
        await otherStackTests(files, paths, scripts, problems),
      ),
      await jsTests(files, tree.files, problems),
    );
    const result: InfraFacts = {
      tests,
      ci,
      dockerfiles: paths.filter(isDockerfile),
      compose: paths.filter((p) => /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(baseName(p))),
      webApps: [
        ...findWebApps(python, paths),
        ...rWebApps(paths, scripts),
        ...(await otherStackWebApps(files, tree.files, problems)),
      ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
      deployment,
      entryPoints,
      makeTargets: targets,
      precommit,
      linters: [...linters].sort(),
      notebookTooling: [...notebookTooling].sort(),
      license,
      problems: problemList,
    };
    return result;
  },
});

function mergeTests(a: InfraFacts['tests'], b: InfraFacts['tests']): InfraFacts['tests'] {
  return {
    files: [...new Set([...a.files, ...b.files])].sort(),
    functions: a.functions + b.functions,
    frameworks: [...new Set([...a.frameworks, ...b.frameworks])].sort(),
  };
}

function isDockerfile(path: string): boolean {
  const base = baseName(path);
  return (
    /^(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)
  );
}

function pyprojectLicense(doc: Record<string, unknown>): string | null {
  const project = doc.project as { license?: unknown } | undefined;
  const poetry = (doc.tool as { poetry?: { license?: unknown } } | undefined)?.poetry;
  const value = project?.license ?? poetry?.license;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  return null;
}

async function collectCi(
  files: RepoFiles,
  paths: readonly string[],
  problems: Problems,
  linters: Set<string>,
): Promise<InfraFacts['ci']> {
  const found = ciFiles(paths);
  let onPushOrPR = false;
  let runsTests = false;
  for (const path of found) {
    const text = await readConfig(files, path, problems);
    if (text === null) continue;
    if (isGithubWorkflow(path)) {
      try {
        const summary = summariseWorkflow(text);
        onPushOrPR ||= summary.onPushOrPR;
        runsTests ||= summary.runsTests;
        for (const l of lintersInText(summary.runText)) linters.add(l);
      } catch (err) {
        problems.add(path, `cannot parse workflow: ${(err as Error).message.split('\n')[0]}`);
      }
    } else {
      onPushOrPR = true;
      runsTests ||= runsTestCommand(text);
      for (const l of lintersInText(text)) linters.add(l);
    }
  }
  return { files: found, onPushOrPR, runsTests };
}

/** Opens a bounded number of YAML/JSON files to spot Kubernetes manifests and ECS task definitions. */
async function sniffManifests(
  files: RepoFiles,
  tree: readonly TreeFile[],
  problems: Problems,
): Promise<InfraFacts['deployment']> {
  const out: InfraFacts['deployment'] = [];
  const candidates = tree.filter(
    (f) =>
      f.size <= 256 * 1024 &&
      ((['yml', 'yaml'].includes(f.ext) && !f.path.startsWith('.github/') && !/compose/.test(f.path)) ||
        (f.ext === 'json' && /task|ecs|container/i.test(baseName(f.path)))),
  );
  for (const f of candidates.slice(0, MAX_MANIFEST_SNIFFS)) {
    const text = await readConfig(files, f.path, problems);
    if (text === null) continue;
    if (f.ext === 'json' ? isEcsTaskDefinition(text) : isKubernetesManifest(text)) {
      out.push({ kind: f.ext === 'json' ? 'ecs' : 'kubernetes', path: f.path });
    }
  }
  return out;
}
