import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSpan } from './duration.js';

describe('describeSpan', () => {
  it('uses the unit a reader would: days, weeks, months, years', () => {
    assert.equal(describeSpan(0), 'less than a day');
    assert.equal(describeSpan(1), '1 day');
    assert.equal(describeSpan(13), '13 days');
    assert.equal(describeSpan(41), '5 weeks');
    assert.equal(describeSpan(42), '6 weeks');
    assert.equal(describeSpan(90), '12 weeks');
    assert.equal(describeSpan(56), '8 weeks');
    assert.equal(describeSpan(200), '7 months');
    assert.equal(describeSpan(1764), '4.8 years');
  });
});
