import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF107',
  name: 'no-one-command-entry-point',
  title: 'One command runs the project',
  principle: 'runnable',
  severity: 'high',
  status: 'preview',
  needs: ['infra'],
  messages: {
    none: 'No entry point: no Makefile, pipeline file (dvc.yaml, Snakefile, MLproject) or main script',
    found: 'Entry point: {{kind}} {{file}}',
  },
  options: {},
  advice: 'Add one command that reproduces the results: a Makefile target, a dvc.yaml pipeline or a main.py.',
  docs: {
    what: 'An obvious way to run the project: Makefile targets, dvc.yaml, Snakefile, MLproject, justfile, console scripts, `main.py`/`run.py`/`train.py`/`app.py`, or a module with an `if __name__ == "__main__":` block.',
    why: 'A stranger should reproduce the results with one command. Without it, a reviewer has to guess the order of notebooks and scripts, and most will not try; with it, the project looks like work a team could pick up.',
    fix: 'Add a `Makefile` with `data`, `train` and `evaluate` targets (or a `dvc.yaml` pipeline, or a `main.py` that runs every step) and document the command in the README.',
    limitations:
      'Entry points are recognised by name; a script with an unusual name and no `__main__` block is not seen. Whether the command actually works is not checked.',
  },
  run({ facts, fail, pass }) {
    const first = facts.infra.entryPoints[0];
    if (first) pass('found', { kind: first.kind, file: first.path }, { file: first.path });
    else fail('none');
  },
});
