import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { detection, herdFacts } from './fixtures.js';
import check from './HRD104-retired-boston-dataset.js';

describe('HRD104 retired-boston-dataset', () => {
  it('fails wherever Boston Housing is used, even on the side', () => {
    const r = checkFacts(check, { herd: herdFacts({ stockDatasets: [detection('boston', 'secondary')] }) });
    assert.equal(r.outcome, 'fail');
  });
  it('passes without it', () => {
    const r = checkFacts(check, {
      herd: herdFacts({ stockDatasets: [detection('california-housing', 'flagship')] }),
    });
    assert.equal(r.outcome, 'pass');
  });
});
