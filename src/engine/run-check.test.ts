import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMessage } from './run-check.js';

describe('formatMessage plurals', () => {
  it('writes 1 commit, 3 commits and irregular plurals, and leaves unknown keys visible', () => {
    assert.equal(formatMessage('{{n|commit}}', { n: 1 }), '1 commit');
    assert.equal(formatMessage('{{n|commit}}', { n: 3 }), '3 commits');
    assert.equal(formatMessage('{{n|branch|branches}}', { n: 2 }), '2 branches');
    assert.equal(formatMessage('{{missing|day}} and {{x}}', { x: 'ok' }), '{{missing|day}} and ok');
  });
});
