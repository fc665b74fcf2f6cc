import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG107-narrow-stack.js';

describe('SIG107 narrow-stack', () => {
  it('fails on pandas, scikit-learn and matplotlib alone', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        stack: [
          { library: 'pandas', role: 'data', files: 2 },
          { library: 'scikit-learn', role: 'ml', files: 1 },
          { library: 'matplotlib', role: 'viz', files: 1 },
        ],
      }),
    });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.message, /pandas, scikit-learn, matplotlib/);
  });

  it('passes with one library beyond the basics', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        stack: [
          { library: 'pandas', role: 'data', files: 2 },
          { library: 'duckdb', role: 'data', files: 1 },
        ],
      }),
    });
    assert.equal(result.outcome, 'pass');
    assert.match(result.findings[0]!.message, /duckdb \(data\)/);
  });

  it('is not applicable when no known library is imported', () => {
    assert.equal(checkFacts(check, { signals: signalsFacts() }).outcome, 'not-applicable');
  });
});
