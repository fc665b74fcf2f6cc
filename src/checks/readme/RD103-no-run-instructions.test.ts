import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';
import { NO_README, readmeOf, section } from './fixtures.js';
import check from './RD103-no-run-instructions.js';

describe('RD103 no-run-instructions', () => {
  it('fails without commands, pointing at a usage section that has none', () => {
    assert.equal(checkFacts(check, { readme: readmeOf() }).outcome, 'fail');
    const r = checkFacts(check, { readme: readmeOf({ sections: [section('how-to-run', 14, 10, 'Usage')] }) });
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]?.message ?? '', /"Usage" section/);
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 14 }]);
  });

  it('passes with a command, citing it', () => {
    const r = checkFacts(check, {
      readme: readmeOf({ runCommands: [{ command: 'python main.py', line: 20 }] }),
    });
    assert.equal(r.outcome, 'pass');
    assert.match(r.findings[0]?.message ?? '', /python main\.py/);
  });

  it('is not applicable without a README', () => {
    assert.equal(checkFacts(check, { readme: NO_README }).outcome, 'not-applicable');
  });

  it('reads a real README with and without commands', async () => {
    const good = repo({
      'README.md':
        '# Churn\n\n## How to run\n\n```bash\n$ pip install -r requirements.txt\n$ python train.py\n```\n',
    });
    const r = await checkRepo(check, good);
    assert.equal(r.outcome, 'pass');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'README.md', line: 6 }]);
    const bad = repo({ 'README.md': '# Churn\n\nOpen the notebook and run it.\n' });
    assert.equal((await checkRepo(check, bad)).outcome, 'fail');
  });
});
