import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF109',
  name: 'no-license',
  title: 'The repository has a license',
  principle: 'clean-code',
  severity: 'low',
  status: 'preview',
  needs: ['infra'],
  messages: {
    none: 'No LICENSE file or license field in pyproject.toml',
    licensed: 'Licensed under {{license}}',
  },
  options: {},
  advice: 'Add a LICENSE file (MIT or Apache-2.0 are common choices for portfolio code).',
  docs: {
    what: 'A license file at the root (LICENSE, LICENSE.md, COPYING …), named SPDX-style when recognised, or a license in pyproject.toml.',
    why: 'A license is a small detail that shows you understand how code is shared and reused. Without one, nobody may legally reuse the code, and reviewers from open-source-minded teams notice.',
    fix: 'Add a LICENSE file with a standard license text (GitHub’s "Add file → Create new file → LICENSE" offers templates) and mention it in the README.',
    limitations:
      'Only the root folder and pyproject.toml are checked; license text that is not recognised is reported as "custom", not judged.',
  },
  run({ facts, fail, pass }) {
    const { license } = facts.infra;
    if (license === null) fail('none');
    else pass('licensed', { license });
  },
});
