import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { detection, herdFacts } from './fixtures.js';
import check from './HRD101-stock-dataset-flagship.js';

describe('HRD101 stock-dataset-flagship', () => {
  it('fails when a stock dataset is the flagship, with evidence', () => {
    const r = checkFacts(check, { herd: herdFacts({ stockDatasets: [detection('titanic', 'flagship')] }) });
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings[0]?.evidence, [{ file: 'data/train.csv', line: 1, note: 'header: a,b,c' }]);
  });
  it('passes when the stock dataset is only used on the side', () => {
    const r = checkFacts(check, { herd: herdFacts({ stockDatasets: [detection('iris', 'secondary')] }) });
    assert.equal(r.outcome, 'pass');
    assert.match(r.findings[0]!.message, /only on the side/);
  });
  it('passes with no stock dataset, and ignores low-confidence guesses', () => {
    assert.equal(checkFacts(check, { herd: herdFacts() }).outcome, 'pass');
    const r = checkFacts(check, {
      herd: herdFacts({ stockDatasets: [detection('titanic', 'flagship', 0.5)] }),
    });
    assert.equal(r.outcome, 'pass');
  });
  it('is unknown when the herd facts are unavailable', () => {
    assert.equal(checkFacts(check, {}).outcome, 'unknown');
  });
});
