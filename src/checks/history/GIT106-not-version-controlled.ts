import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'GIT106',
  name: 'not-version-controlled',
  title: 'The project is a git repository',
  principle: 'boring-skills',
  severity: 'high',
  status: 'preview',
  needs: ['tree'],
  messages: {
    noGit: 'The folder is not a git repository, so there is no history at all.',
    git: 'The project is under git version control.',
  },
  options: {},
  advice: 'Put the project under git (`git init`), commit it, and publish it on GitHub or GitLab.',
  docs: {
    what: "Fails when the audited folder has no `.git` of its own (a parent folder's repository does not count).",
    why: 'Version control is the first tool every team expects. A project shared as a zip or a loose folder tells a hiring manager you have not yet worked the way software is built, and hides how the work grew.',
    fix: 'Run `git init`, add a `.gitignore` for data and environments, commit, and keep committing as you work.',
    limitations:
      "Only looks for the folder's own `.git`; a project audited from an exported copy of a real repository looks unversioned.",
  },
  run({ facts: { tree }, fail, pass }) {
    if (!tree.isGitRepo) return fail('noGit', {}, { file: '.', note: 'no .git folder' });
    pass('git', {}, { file: '.git' });
  },
});
