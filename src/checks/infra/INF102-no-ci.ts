import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF102',
  name: 'no-ci',
  title: 'Continuous integration runs on every change',
  principle: 'boring-skills',
  severity: 'medium',
  status: 'preview',
  needs: ['infra'],
  messages: {
    none: 'No CI configuration (GitHub Actions, GitLab CI, CircleCI, …)',
    present: 'CI is set up in {{files}}',
  },
  options: {},
  advice: 'Add a GitHub Actions workflow that installs the dependencies and runs the tests on every push.',
  docs: {
    what: 'CI definitions: `.github/workflows/*.yml`, `.gitlab-ci.yml`, `.circleci/config.yml`, `azure-pipelines.yml`, `Jenkinsfile`, `.travis.yml`, `bitbucket-pipelines.yml`.',
    why: 'Teams rely on CI to keep code working. A portfolio project with a green CI badge shows the candidate already works the way an engineering team does, which is rare among data-science applicants.',
    fix: 'Add `.github/workflows/ci.yml` that runs on `push` and `pull_request`, sets up Python, installs requirements and runs `pytest` (and a linter).',
    limitations:
      'Only the presence of a CI file is checked here; whether it runs tests is INF103. CI configured outside the repository (a server’s settings) is not seen.',
  },
  run({ facts, fail, pass }) {
    const { files } = facts.infra.ci;
    if (files.length === 0) fail('none');
    else
      pass(
        'present',
        { files: files.join(', ') },
        files.map((file) => ({ file })),
      );
  },
});
