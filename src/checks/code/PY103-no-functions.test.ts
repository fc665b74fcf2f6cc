import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { pyFileOf, pythonOf } from '../notebooks/fixtures.js';
import check from './PY103-no-functions.js';

describe('PY103 no-functions', () => {
  it('fails a long file without a def', () => {
    const python = pythonOf({
      files: [pyFileOf('script.py', { codeLines: 400 }), pyFileOf('lib.py', { codeLines: 400 })],
      defs: [{ file: 'lib.py', name: 'load', kind: 'function', line: 3, hasDocstring: false }],
    });
    const result = checkFacts(check, { python });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]!.message, 'script.py has 400 lines of code and not a single function');
  });

  it('passes when long files have functions; classes alone do not count', () => {
    const withDef = pythonOf({
      files: [pyFileOf('lib.py', { codeLines: 400 })],
      defs: [{ file: 'lib.py', name: 'f', kind: 'function', line: 1, hasDocstring: true }],
    });
    assert.equal(checkFacts(check, { python: withDef }).outcome, 'pass');
    const classOnly = pythonOf({
      files: [pyFileOf('lib.py', { codeLines: 400 })],
      defs: [{ file: 'lib.py', name: 'C', kind: 'class', line: 1, hasDocstring: false }],
    });
    assert.equal(checkFacts(check, { python: classOnly }).outcome, 'fail');
  });

  it('is not applicable for short or generated code', () => {
    const python = pythonOf({
      files: [
        pyFileOf('a.py', { codeLines: 40 }),
        pyFileOf('export.py', { codeLines: 900, generated: true }),
      ],
    });
    assert.equal(checkFacts(check, { python }).outcome, 'not-applicable');
  });
});
