import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF103',
  name: 'ci-without-tests',
  title: 'CI runs the tests on push or pull request',
  principle: 'boring-skills',
  severity: 'low',
  status: 'preview',
  needs: ['infra'],
  messages: {
    noTests: 'CI is configured but no step runs tests (pytest, tox, nox, make test, unittest …)',
    noTrigger: 'No CI workflow runs on push or pull request',
    problem: '{{file}} could not be read: {{reason}}',
  },
  options: {},
  advice: 'Make the CI workflow run on push and pull_request and call pytest.',
  docs: {
    what: 'CI definitions that never run the tests, or GitHub workflows that only run on a schedule or by hand, and CI files that are broken YAML.',
    why: 'A CI file that only lints, only deploys or never triggers looks like copy-paste. A reviewer who opens the Actions tab wants to see tests running on each change, which proves the setup works.',
    fix: 'Add a step like `run: pytest -q` (or `tox`, `nox`, `make test`) and trigger the workflow with `on: [push, pull_request]`; fix YAML errors the Actions tab reports.',
    limitations:
      'Test commands are recognised by name in `run:` steps; tests run through a custom script with another name are not seen.',
  },
  run({ facts, fail, notApplicable }) {
    const { ci, problems } = facts.infra;
    if (ci.files.length === 0) {
      notApplicable('no CI configuration');
      return;
    }
    for (const p of problems) {
      if (ci.files.includes(p.file)) fail('problem', { file: p.file, reason: p.message }, { file: p.file });
    }
    if (!ci.onPushOrPR)
      fail(
        'noTrigger',
        {},
        ci.files.map((file) => ({ file })),
      );
    if (!ci.runsTests)
      fail(
        'noTests',
        {},
        ci.files.map((file) => ({ file })),
      );
  },
});
