import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts, checkRepo } from '../../../test/helpers/facts.js';
import { code, notebook } from '../../../test/helpers/notebook.js';
import { repo } from '../../../test/helpers/repo.js';
import { pyFileOf, pythonOf } from '../notebooks/fixtures.js';
import check, { maskSecret } from './PY104-hardcoded-secrets.js';

// Built at run time so that the test file itself holds nothing a secret scanner would flag.
const OPENAI = `sk-${'Zq8xR2vLp0Wm'.repeat(3)}`;
const AWS = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const RANDOM = 'f3Kq9ZpL2xWv8RtY7mNb4HcJ';

describe('PY104 hardcoded-secrets', () => {
  it('fails on known key formats and random values bound to secret names, without printing them', () => {
    const python = pythonOf({
      files: [pyFileOf('cfg.py'), pyFileOf('nb.ipynb')],
      strings: [
        { file: 'cfg.py', line: 3, value: AWS },
        { file: 'cfg.py', line: 4, value: RANDOM, boundTo: 'WEATHER_API_KEY' },
        { file: 'nb.ipynb', cell: 2, line: 1, value: OPENAI, boundTo: 'api_key' },
        { file: 'cfg.py', line: 9, value: 'hunter2!', boundTo: 'db_password' },
      ],
    });
    const result = checkFacts(check, { python });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.evidence[0]),
      [
        { file: 'cfg.py', line: 3 },
        { file: 'cfg.py', line: 4 },
        { file: 'nb.ipynb', cell: 2, line: 1 },
        { file: 'cfg.py', line: 9 },
      ],
    );
    for (const f of result.findings) {
      for (const secret of [AWS, RANDOM, OPENAI, 'hunter2!'])
        assert.ok(!f.message.includes(secret), f.message);
    }
    assert.match(result.findings[0]!.message, /AWS access key/);
  });

  it('passes placeholders, environment lookups, paths and ordinary strings', () => {
    const python = pythonOf({
      files: [pyFileOf('cfg.py')],
      strings: [
        { file: 'cfg.py', line: 1, value: 'YOUR_API_KEY_HERE', boundTo: 'api_key' },
        { file: 'cfg.py', line: 2, value: 'OPENAI_API_KEY' },
        { file: 'cfg.py', line: 3, value: '[CLS]', boundTo: 'token' },
        { file: 'cfg.py', line: 4, value: 'data/train.csv', boundTo: 'path' },
        { file: 'cfg.py', line: 5, value: 'bert-base-uncased', boundTo: 'tokenizer' },
        { file: 'cfg.py', line: 6, value: 'abcabcabcabcabcabc', boundTo: 'secret_key' },
      ],
    });
    assert.equal(checkFacts(check, { python }).outcome, 'pass');
  });

  it('masks values', () => {
    assert.equal(maskSecret('abcdefghij'), 'abcd…(10 chars)');
  });

  it('finds a key in a real repository script and notebook', async () => {
    const dir = repo({
      'fetch.py': `import os\nimport openai\nopenai.api_key = "${OPENAI}"\nTOKEN = os.environ["TOKEN"]\n`,
      'nb.ipynb': notebook([code(`client = Client(token="${RANDOM}")`, { exec: 1 })]),
    });
    const result = await checkRepo(check, dir);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.evidence[0]),
      [
        { file: 'fetch.py', line: 3 },
        { file: 'nb.ipynb', cell: 0, line: 1 },
      ],
    );
    const clean = repo({ 'fetch.py': 'import os\nKEY = os.environ["API_KEY"]\n' });
    assert.equal((await checkRepo(check, clean)).outcome, 'pass');
  });
});
