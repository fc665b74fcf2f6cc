import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, collectOne } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { RepoFiles } from '../../source/repo-files.js';
import type { PythonFacts } from '../python/types.js';
import infra from './index.js';

const WORKFLOW_LIST =
  'name: ci\non: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -r requirements.txt\n      - run: python -m pytest -q\n';
const WORKFLOW_STRING = 'on: push\njobs:\n  l:\n    steps:\n      - run: ruff check .\n';
const WORKFLOW_MAP =
  'on:\n  pull_request:\n    branches: [main]\njobs:\n  t:\n    steps:\n      - run: |\n          poetry install\n          poetry run pytest\n';
const WORKFLOW_SCHEDULE =
  'on:\n  schedule:\n    - cron: "0 0 * * *"\njobs:\n  t:\n    steps:\n      - run: echo hi\n';

/** Python facts for the synthetic repos below, as the Python collector would report them. */
const python: PythonFacts = {
  files: [
    {
      path: 'app/main.py',
      origin: 'module',
      codeLines: 10,
      commentLines: 0,
      syntaxErrors: [],
      hasMainGuard: true,
      generated: false,
    },
    {
      path: 'tests/test_api.py',
      origin: 'module',
      codeLines: 8,
      commentLines: 0,
      syntaxErrors: [],
      hasMainGuard: false,
      generated: false,
    },
    {
      path: 'tests/helpers.py',
      origin: 'module',
      codeLines: 3,
      commentLines: 0,
      syntaxErrors: [],
      hasMainGuard: false,
      generated: false,
    },
  ],
  imports: [
    { file: 'app/main.py', module: 'fastapi', top: 'fastapi', relative: false, line: 1 },
    { file: 'tests/test_api.py', module: 'pytest', top: 'pytest', relative: false, line: 1 },
  ],
  calls: [],
  strings: [],
  defs: [
    { file: 'tests/test_api.py', name: 'test_health', kind: 'function', line: 3, hasDocstring: false },
    { file: 'tests/test_api.py', name: 'test_predict', kind: 'function', line: 6, hasDocstring: false },
    { file: 'tests/helpers.py', name: 'make_client', kind: 'function', line: 1, hasDocstring: false },
  ],
  localModules: ['app'],
};

const EMPTY_PYTHON: PythonFacts = {
  files: [],
  imports: [],
  calls: [],
  strings: [],
  defs: [],
  localModules: [],
};

async function collectInfra(dir: string, py: PythonFacts) {
  const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
  const tree = await collectOne(dir, 'tree');
  return infra.collect({ files, git: null, limits: DEFAULT_LIMITS, facts: { tree, python: py } });
}

describe('infra collector', () => {
  it('sees tests, CI, Docker, a FastAPI app, deployment, entry points and tooling', async () => {
    const dir = repo(
      {
        'app/main.py': 'from fastapi import FastAPI\n',
        'tests/test_api.py': 'import pytest\n\ndef test_health():\n    assert client().ok\n',
        'tests/helpers.py': 'def make_client(): ...\n',
        '.github/workflows/test.yml': WORKFLOW_LIST,
        '.github/workflows/lint.yaml': WORKFLOW_STRING,
        Dockerfile: 'FROM python:3.12-slim\n',
        'docker/api.dockerfile': 'FROM python:3.12\n',
        'docker-compose.yml': 'services: {}\n',
        'fly.toml': 'app = "x"\n',
        'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n',
        'infra/main.tf': 'resource "x" "y" {}\n',
        Makefile:
          '.PHONY: all test\nVAR := 1\nall: data train\n\ndata:\n\tpython get.py\ntrain test: data\n%.o: %.c\n',
        'pyproject.toml':
          '[project]\nname = "x"\nlicense = "MIT"\n[project.scripts]\nserve = "app.main:run"\n[tool.ruff]\nline-length = 100\n[tool.black]\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: x\n    hooks:\n      - id: nbstripout\n      - id: isort\n',
        LICENSE: 'Apache License\n Version 2.0, January 2004\n',
      },
      { commits: [{ date: '2024-02-01', message: 'Add API with tests and CI', files: {} }] },
    );
    const facts = await collectInfra(dir, python);
    assert.deepEqual(facts.tests, { files: ['tests/test_api.py'], functions: 2, frameworks: ['pytest'] });
    assert.deepEqual(facts.ci, {
      files: ['.github/workflows/lint.yaml', '.github/workflows/test.yml'],
      onPushOrPR: true,
      runsTests: true,
    });
    assert.deepEqual(facts.dockerfiles, ['Dockerfile', 'docker/api.dockerfile']);
    assert.deepEqual(facts.compose, ['docker-compose.yml']);
    assert.deepEqual(facts.webApps, [{ framework: 'fastapi', file: 'app/main.py', line: 1 }]);
    assert.deepEqual(facts.deployment.map((d) => `${d.kind}:${d.path}`).sort(), [
      'fly.io:fly.toml',
      'kubernetes:k8s/deploy.yaml',
      'terraform:infra/main.tf',
    ]);
    assert.deepEqual(facts.makeTargets, ['all', 'data', 'train', 'test']);
    assert.ok(facts.entryPoints.some((e) => e.kind === 'console-script' && e.detail === 'serve'));
    assert.ok(facts.entryPoints.some((e) => e.kind === 'script' && e.path === 'app/main.py'));
    assert.equal(facts.precommit, true);
    assert.deepEqual(facts.linters, ['black', 'isort', 'ruff']);
    assert.deepEqual(facts.notebookTooling, ['nbstripout']);
    assert.equal(facts.license, 'Apache-2.0');
    assert.deepEqual(facts.problems, []);
  });

  it('finds nothing in a bare notebook repository', async () => {
    const dir = repo(
      { 'analysis.ipynb': notebook([code('import pandas as pd')]), 'tests/.keep': '' },
      { git: false },
    );
    const facts = await collectInfra(dir, EMPTY_PYTHON);
    assert.deepEqual(facts.tests, { files: [], functions: 0, frameworks: [] });
    assert.deepEqual(facts.ci, { files: [], onPushOrPR: false, runsTests: false });
    assert.deepEqual(
      [facts.dockerfiles, facts.webApps, facts.deployment, facts.entryPoints],
      [[], [], [], []],
    );
    assert.equal(facts.license, null);
  });

  it('reads every spelling of `on:` and records broken YAML instead of failing', async () => {
    const dir = repo(
      {
        '.github/workflows/a.yml': WORKFLOW_MAP,
        '.github/workflows/b.yml': 'on: [push\njobs: : :\n',
        '.github/workflows/c.yml': WORKFLOW_SCHEDULE,
        '.github/workflows/d.yml': '\u0000\u0001binary',
      },
      { git: false },
    );
    const facts = await collectInfra(dir, EMPTY_PYTHON);
    assert.equal(facts.ci.files.length, 4);
    assert.equal(facts.ci.onPushOrPR, true);
    assert.equal(facts.ci.runsTests, true);
    assert.deepEqual(
      facts.problems.map((p) => p.file),
      ['.github/workflows/b.yml', '.github/workflows/d.yml'],
    );

    const scheduleOnly = repo({ '.github/workflows/c.yml': WORKFLOW_SCHEDULE }, { git: false });
    const scheduled = await collectInfra(scheduleOnly, EMPTY_PYTHON);
    assert.deepEqual(scheduled.ci, {
      files: ['.github/workflows/c.yml'],
      onPushOrPR: false,
      runsTests: false,
    });
  });

  it('recognises Hugging Face Spaces, ECS task definitions and MIT licenses', async () => {
    const dir = repo(
      {
        'README.md': '---\ntitle: Demo\nsdk: gradio\n---\n# Demo\n',
        'deploy/task-definition.json': '{"family":"x","containerDefinitions":[]}',
        'LICENSE.txt': 'MIT License\n\nPermission is hereby granted, free of charge, to any person',
        'train.py': 'x\n',
        'dvc.yaml': 'stages: {}\n',
      },
      { git: false },
    );
    const facts = await collectInfra(dir, EMPTY_PYTHON);
    assert.deepEqual(facts.deployment.map((d) => d.kind).sort(), ['ecs', 'huggingface-spaces']);
    assert.equal(facts.license, 'MIT');
    assert.deepEqual(facts.entryPoints.map((e) => e.kind).sort(), ['dvc', 'script']);
  });

  it('runs end to end through the engine (or waits for the Python collector)', async () => {
    const dir = repo(
      { 'tests/test_x.py': 'def test_one():\n    assert 1 + 1 == 2\n', Dockerfile: 'FROM python\n' },
      { git: false },
    );
    const facts = await collect(dir);
    if (facts.python.status !== 'ok') {
      assert.equal(facts.infra.status, 'unavailable');
      return;
    }
    assert.equal(facts.infra.status, 'ok');
    if (facts.infra.status !== 'ok') return;
    assert.deepEqual(facts.infra.data.tests.files, ['tests/test_x.py']);
    assert.equal(facts.infra.data.tests.functions, 1);
    assert.deepEqual(facts.infra.data.dockerfiles, ['Dockerfile']);
  });

  it('does not count test_*.py files that assert nothing as tests', async () => {
    const dir = repo(
      {
        'scripts/test_connection.py':
          'import requests\n\ndef test_api_connection():\n    print(requests.get("http://localhost:8000/health").json())\n',
        'test_transformations.py': 'def test_transformations():\n    print("accuracy", 0.99)\n',
        'tests/test_placeholder.py': 'def test_placeholder():\n    assert True  # TODO\n',
        'tests/test_model.py':
          'import numpy as np\n\ndef test_fit():\n    np.testing.assert_allclose(1.0, 1.0)\n',
        'tests/test_workflow.py':
          'import subprocess as sp\n\ndef test_rule():\n    sp.check_output(["snakemake", "-j1"])\n',
        'tests/test_case.py':
          'import unittest\n\nclass TestModel(unittest.TestCase):\n    def test_shape(self):\n        self.assertEqual(1, 1)\n',
      },
      { git: false },
    );
    const facts = await collect(dir);
    if (facts.python.status !== 'ok' || facts.infra.status !== 'ok') return;
    assert.deepEqual(facts.infra.data.tests.files, [
      'tests/test_case.py',
      'tests/test_model.py',
      'tests/test_workflow.py',
    ]);
    assert.equal(facts.infra.data.tests.functions, 3);
  });

  it('sees JavaScript front ends, an Express server and a Spring web app, not a docs site or installed code', async () => {
    const dir = repo(
      {
        'frontend/package.json': JSON.stringify({ dependencies: { next: '14.0.0', react: '18.0.0' } }),
        'frontend/app/page.tsx': 'export default function Page() { return null; }\n',
        'ui/package.json': JSON.stringify({ dependencies: { vue: '3.4.0' } }),
        'ui/src/App.vue': '<template><div/></template>\n<script setup lang="ts">\nconst a = 1;\n</script>\n',
        'producer/server.js': "var express = require('express');\nvar app = express();\napp.listen(8081);\n",
        'producer/node_modules/react-dom/package.json': JSON.stringify({ dependencies: { react: '1' } }),
        'services/pom.xml':
          '<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
        'docs/package.json': JSON.stringify({
          dependencies: { '@docusaurus/core': '3', react: '18', 'react-dom': '18' },
        }),
        'docs/src/index.js': 'export default 1;\n',
        'tool/package.json': JSON.stringify({ dependencies: { react: '18', 'react-dom': '18' } }),
      },
      { git: false },
    );
    const facts = await collectInfra(dir, EMPTY_PYTHON);
    assert.deepEqual(facts.webApps.map((w) => [w.framework, w.file]).sort(), [
      ['express', 'producer/server.js'],
      ['nextjs', 'frontend/package.json'],
      ['spring', 'services/pom.xml'],
      ['vue', 'ui/package.json'],
    ]);
  });

  it('sees JavaScript tests of the front end, not a spec file that tests nothing', async () => {
    const dir = repo(
      {
        'web/src/components/__tests__/Button.test.tsx':
          "import { it, expect } from 'vitest';\nit('renders', () => {\n  expect(1).toBe(1);\n});\n",
        'web/e2e/smoke.test.ts':
          'import { test } from "@playwright/test";\ntest("home", async ({ page }) => {\n  await page.goto("/");\n});\n',
        'web/src/app.spec.ts':
          "describe('App', () => {\n  it('creates', () => {\n    expect(app).toBeTruthy();\n  });\n});\n",
        'web/src/notes.spec.ts': 'export const spec = { name: "not a test" };\n',
      },
      { git: false },
    );
    const facts = await collectInfra(dir, EMPTY_PYTHON);
    assert.deepEqual(facts.tests, {
      files: ['web/e2e/smoke.test.ts', 'web/src/app.spec.ts', 'web/src/components/__tests__/Button.test.tsx'],
      functions: 3,
      frameworks: ['jasmine', 'playwright', 'vitest'],
    });
  });

  it('sees a Quarto document served by Shiny as a Shiny app', async () => {
    const dir = repo(
      {
        'dashboard.qmd': '---\ntitle: Rides\nformat: dashboard\nserver: shiny\n---\n\n```{r}\nx <- 1\n```\n',
      },
      { git: false },
    );
    const facts = await collectInfra(dir, EMPTY_PYTHON);
    assert.deepEqual(
      facts.webApps.map((w) => [w.framework, w.file]),
      [['shiny', 'dashboard.qmd']],
    );
  });
});
