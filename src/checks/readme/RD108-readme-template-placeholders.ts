import { defineCheck } from '../types.js';
import { readableReadme } from './applicable.js';

export default defineCheck({
  code: 'RD108',
  name: 'readme-template-placeholders',
  title: 'The README has no template leftovers',
  principle: 'clean-code',
  severity: 'medium',
  status: 'preview',
  needs: ['readme'],
  messages: {
    placeholder: '{{file}}:{{line}} still has template text "{{text}}"',
  },
  options: {},
  advice: 'Replace every template placeholder in the README with your own words.',
  docs: {
    what: 'Template text left in the README: "Project Title", "Lorem ipsum", "{{cookiecutter.…}}", "A short description of the project", GitLab\'s default README …',
    why: 'Unfilled template text tells a reviewer the README was never read, let alone written, by the candidate. It undoes the good impression of everything else in the repository.',
    fix: 'Rewrite the flagged lines; delete sections of the template you do not need.',
    limitations: "Knows the common templates only; a custom template's placeholders are missed.",
  },
  run({ facts, fail, notApplicable }) {
    const readme = facts.readme;
    if (!readableReadme(readme, notApplicable)) return;
    for (const p of readme.placeholders) {
      fail(
        'placeholder',
        { file: readme.path, line: p.line, text: p.text },
        { file: readme.path, line: p.line },
      );
    }
  },
});
