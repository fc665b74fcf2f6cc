import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DAT102-absolute-paths.js';
import { dataOf, ref } from './fixtures.js';

describe('DAT102 absolute-paths', () => {
  it('fails for a path on the author’s machine', () => {
    const abs = ref('C:\\Users\\ada\\data.csv', { kind: 'absolute', exists: false, line: 7 });
    const result = checkFacts(check, { data: dataOf({ references: [abs], absolutePaths: [abs] }) });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.evidence[0]?.line, 7);
  });

  it('passes for relative paths and leaves Colab paths to DAT104', () => {
    const colab = ref('/content/drive/x.csv', { kind: 'absolute', platform: 'colab', exists: false });
    const result = checkFacts(check, { data: dataOf({ references: [ref('data/a.csv'), colab] }) });
    assert.equal(result.outcome, 'pass');
  });
});
