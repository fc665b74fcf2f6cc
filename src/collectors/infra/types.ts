export interface InfraFacts {
  tests: {
    /** Files that contain real test functions or test cases. */
    files: string[];
    /** Number of test functions / methods found. */
    functions: number;
    frameworks: string[];
  };
  ci: {
    /** CI definition files (GitHub workflows, GitLab CI, …). */
    files: string[];
    /** At least one workflow runs on push or pull request. */
    onPushOrPR: boolean;
    /** At least one workflow step runs tests (pytest, tox, nox, make test, unittest …). */
    runsTests: boolean;
  };
  dockerfiles: string[];
  compose: string[];
  webApps: { framework: string; file: string; line: number }[];
  deployment: { kind: string; path: string }[];
  /** Entry points: Makefile targets, dvc.yaml, Snakefile, `__main__` scripts, console scripts, MLproject … */
  entryPoints: { kind: string; path: string; detail?: string }[];
  makeTargets: string[];
  precommit: boolean;
  linters: string[];
  /** Tooling that strips notebook outputs or pairs notebooks (nbstripout, jupytext). */
  notebookTooling: string[];
  license: string | null;
  /** Files that could not be read or parsed (broken YAML, binary CI file …); the rest was still collected. */
  problems: { file: string; message: string }[];
}
