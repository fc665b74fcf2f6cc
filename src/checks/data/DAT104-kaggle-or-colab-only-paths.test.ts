import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import check from './DAT104-kaggle-or-colab-only-paths.js';
import { dataOf, ref } from './fixtures.js';

describe('DAT104 kaggle-or-colab-only-paths', () => {
  it('fails for Kaggle input and Colab Drive paths', () => {
    const refs = [
      ref('../input/titanic/train.csv', { kind: 'kaggle-input', platform: 'kaggle', exists: false, cell: 1 }),
      ref('/content/drive/MyDrive/x.csv', { kind: 'absolute', platform: 'colab', exists: false }),
    ];
    const result = checkFacts(check, { data: dataOf({ references: refs }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'train.py reads ../input/titanic/train.csv, which only exists on Kaggle',
        'train.py reads /content/drive/MyDrive/x.csv, which only exists on Google Colab',
      ],
    );
  });

  it('passes for repository paths', () => {
    assert.equal(checkFacts(check, { data: dataOf({ references: [ref('data/a.csv')] }) }).outcome, 'pass');
  });
});
