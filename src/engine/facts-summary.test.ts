import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseRepo } from '../../test/helpers/facts.js';
import { git, repo } from '../../test/helpers/repo.js';

const EMPTY_NOTEBOOK = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}';

describe('published facts', () => {
  it('counts tracked notebooks: checkpoints left out, notebooks a partial checkout left out still counted', async () => {
    const dir = repo(
      {
        'eda.ipynb': EMPTY_NOTEBOOK,
        '.ipynb_checkpoints/eda-checkpoint.ipynb': EMPTY_NOTEBOOK,
        'notebooks/model.ipynb': EMPTY_NOTEBOOK,
        'notebooks/.ipynb_checkpoints/model-checkpoint.ipynb': EMPTY_NOTEBOOK,
        'notebooks/big.ipynb': EMPTY_NOTEBOOK,
      },
      { commits: [{ date: '2024-01-01', message: 'Add the notebooks', files: {} }] },
    );
    git(dir, ['update-index', '--skip-worktree', 'notebooks/big.ipynb']);
    rmSync(join(dir, 'notebooks/big.ipynb'));
    const facts = (await analyseRepo(dir)).facts;
    assert.equal(facts?.notebooks, 3);
  });

  it('says a repository with only a compose file defines containers', async () => {
    const dir = repo(
      {
        'docker-compose.yaml': 'services:\n  airflow:\n    image: apache/airflow:2.9.0\n',
        'dag.py': 'x = 1\n',
      },
      { git: false },
    );
    assert.equal((await analyseRepo(dir)).facts?.dockerfile, true);
  });
});
