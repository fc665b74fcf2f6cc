import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'DEP104',
  name: 'no-python-version',
  title: 'The Python version is stated',
  principle: 'runnable',
  severity: 'low',
  status: 'preview',
  needs: ['manifests', 'python'],
  messages: {
    missing: 'Nothing says which Python version the project needs',
    stated: 'Python {{version}} is requested',
  },
  options: {},
  advice:
    'State the Python version: `requires-python` in pyproject.toml, `python=3.11` in environment.yml, or a .python-version file.',
  docs: {
    what: 'No Python version in .python-version, runtime.txt, pyproject.toml (`requires-python`, Poetry `python`), setup.py/setup.cfg (`python_requires`), Pipfile or environment.yml.',
    why: 'Pinned packages only install on the Python versions they were built for. Stating the version saves a reviewer a round of failed installs and shows you think about how others will run your work.',
    fix: 'Add `requires-python = ">=3.11"` to pyproject.toml, `python=3.11` to environment.yml, or a `.python-version` file.',
    limitations: 'A version mentioned only in the README or a Dockerfile is not seen.',
  },
  run({ facts, fail, pass, notApplicable }) {
    if (facts.python.files.length === 0) {
      notApplicable('no Python code or notebooks');
      return;
    }
    const version = facts.manifests.pythonVersion;
    if (version) pass('stated', { version });
    else fail('missing');
  },
});
