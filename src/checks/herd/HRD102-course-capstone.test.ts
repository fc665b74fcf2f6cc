import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { detection, herdFacts } from './fixtures.js';
import check from './HRD102-course-capstone.js';

describe('HRD102 course-capstone', () => {
  it('fails on a recognised capstone', () => {
    const r = checkFacts(check, {
      herd: herdFacts({ capstones: [detection('udacity-disaster-response', 'flagship', 0.9)] }),
    });
    assert.equal(r.outcome, 'fail');
    assert.match(r.findings[0]!.message, /udacity-disaster-response/);
  });
  it('passes with none, or with one only in a coursework folder', () => {
    assert.equal(checkFacts(check, { herd: herdFacts() }).outcome, 'pass');
    const r = checkFacts(check, {
      herd: herdFacts({ capstones: [detection('ibm-spacex-falcon9', 'secondary', 0.9)] }),
    });
    assert.equal(r.outcome, 'pass');
  });
});
