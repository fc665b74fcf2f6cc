import { parseYaml as parse } from '../../lazy-require.js';
import { baseName } from './read.js';

/** CI systems other than GitHub Actions run on every push unless told otherwise. */
export function isCiFile(path: string): boolean {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)) return true;
  return (
    path === '.gitlab-ci.yml' ||
    path === '.circleci/config.yml' ||
    path === 'azure-pipelines.yml' ||
    path === 'azure-pipelines.yaml' ||
    path === 'Jenkinsfile' ||
    path === '.travis.yml' ||
    path === 'bitbucket-pipelines.yml' ||
    path === '.drone.yml' ||
    path === 'buildkite.yml' ||
    path === '.buildkite/pipeline.yml'
  );
}

export function ciFiles(paths: readonly string[]): string[] {
  return paths.filter(isCiFile);
}

const TEST_COMMAND =
  /\b(py\.?test|tox|nox|nosetests|nose2|python[\d.]*\s+-m\s+(pytest|unittest|nose2?)|make\s+(test|tests|check)|(poetry|uv|pdm|hatch|pipenv|conda)\s+run\s+(python\s+-m\s+)?pytest|hatch\s+(run\s+)?test|coverage\s+run)\b/;

export function runsTestCommand(text: string): boolean {
  return TEST_COMMAND.test(text);
}

const LINT_COMMAND = /\b(ruff|flake8|pylint|black|isort|mypy)\b/g;

export function lintersInText(text: string): string[] {
  return [...new Set([...text.matchAll(LINT_COMMAND)].map((m) => m[1]!))];
}

const TRIGGERS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);

export interface WorkflowSummary {
  onPushOrPR: boolean;
  runsTests: boolean;
  /** Shell text of the steps, for spotting linters. */
  runText: string;
}

/**
 * Reads one GitHub Actions workflow. `on:` comes as a string, a list or a map; YAML 1.1 parsers
 * turn the bare key `on` into `true`, so that spelling is accepted too. Throws on broken YAML.
 */
export function summariseWorkflow(text: string): WorkflowSummary {
  const doc = parse(text) as unknown;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('a workflow must be a YAML mapping');
  }
  const record = doc as Record<string, unknown>;
  const on = record.on ?? record.true;
  const triggers =
    typeof on === 'string'
      ? [on]
      : Array.isArray(on)
        ? on.map(String)
        : on && typeof on === 'object'
          ? Object.keys(on)
          : [];
  const runs: string[] = [];
  const jobs = record.jobs;
  if (jobs && typeof jobs === 'object') {
    for (const job of Object.values(jobs as Record<string, unknown>)) {
      const steps = (job as { steps?: unknown })?.steps;
      if (!Array.isArray(steps)) continue;
      for (const step of steps) {
        if (!step || typeof step !== 'object') continue;
        const { run, uses } = step as { run?: unknown; uses?: unknown };
        if (typeof run === 'string') runs.push(run);
        if (typeof uses === 'string') runs.push(`uses ${uses}`);
      }
    }
  }
  const runText = runs.join('\n');
  return {
    onPushOrPR: triggers.some((t) => TRIGGERS.has(t)),
    runsTests: runsTestCommand(runText),
    runText,
  };
}

export function isGithubWorkflow(path: string): boolean {
  return path.startsWith('.github/workflows/') && baseName(path).length > 0;
}
