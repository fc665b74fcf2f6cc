/** Infra checks against real synthetic repositories: real tree and infra collectors, Python facts as the Python collector reports them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectOne, factsOf } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo, spreadCommits } from '../../../test/helpers/repo.js';
import infraCollector from '../../collectors/infra/index.js';
import type { PythonFacts } from '../../collectors/python/types.js';
import { runCheck } from '../../engine/run-check.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { RepoFiles } from '../../source/repo-files.js';
import { checks } from './index.js';

async function outcomesFor(dir: string, python: PythonFacts): Promise<Record<string, string>> {
  const files = await RepoFiles.open(dir, DEFAULT_LIMITS);
  const tree = await collectOne(dir, 'tree');
  const infra = await infraCollector.collect({
    files,
    git: null,
    limits: DEFAULT_LIMITS,
    facts: { tree, python },
  });
  const facts = factsOf({ tree, python, infra });
  return Object.fromEntries(checks.map((c) => [c.code, runCheck(c, facts).outcome]));
}

const module = (path: string, hasMainGuard = false) => ({
  path,
  origin: 'module' as const,
  codeLines: 10,
  commentLines: 1,
  syntaxErrors: [],
  hasMainGuard,
  generated: false,
});

describe('infra checks on synthetic repositories', () => {
  it('pass a FastAPI project with tests, CI, Docker and deployment', async () => {
    const dir = repo(
      {
        'app/api.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
        'tests/test_api.py':
          'from app.api import app\n\ndef test_health():\n    assert app.title == "FastAPI"\n',
        '.github/workflows/ci.yml':
          'on:\n  push:\n  pull_request:\njobs:\n  t:\n    steps:\n      - run: pytest\n',
        Dockerfile: 'FROM python:3.12-slim\nCMD ["uvicorn", "app.api:app"]\n',
        'fly.toml': 'app = "demo"\n',
        Makefile: 'train:\n\tpython -m app.train\n',
        'ruff.toml': 'line-length = 100\n',
        LICENSE: 'Permission is hereby granted, free of charge, to any person obtaining a copy',
      },
      { commits: spreadCommits('2024-01-01', 30, 3) },
    );
    const python: PythonFacts = {
      files: [module('app/api.py'), module('tests/test_api.py')],
      imports: [{ file: 'app/api.py', module: 'fastapi', top: 'fastapi', relative: false, line: 1 }],
      calls: [],
      strings: [],
      defs: [
        { file: 'tests/test_api.py', name: 'test_health', kind: 'function', line: 1, hasDocstring: false },
      ],
      localModules: ['app'],
    };
    const outcomes = await outcomesFor(dir, python);
    assert.deepEqual(Object.values(outcomes), Array(10).fill('pass'));
  });

  it('flag a bare notebook repository', async () => {
    const dir = repo(
      {
        'Untitled.ipynb': notebook([code('import pandas as pd\ndf = pd.read_csv("train.csv")', { exec: 1 })]),
      },
      { commits: [{ date: '2024-01-01', message: 'Add files via upload', files: {} }] },
    );
    const python: PythonFacts = {
      files: [{ ...module('Untitled.ipynb'), origin: 'notebook' }],
      imports: [
        { file: 'Untitled.ipynb', cell: 0, module: 'pandas', top: 'pandas', relative: false, line: 1 },
      ],
      calls: [],
      strings: [],
      defs: [],
      localModules: [],
    };
    assert.deepEqual(await outcomesFor(dir, python), {
      INF101: 'fail',
      INF102: 'fail',
      INF103: 'not-applicable',
      INF104: 'fail',
      INF105: 'fail',
      INF106: 'fail',
      INF107: 'fail',
      INF108: 'fail',
      INF109: 'fail',
      INF110: 'pass',
    });
  });
});
