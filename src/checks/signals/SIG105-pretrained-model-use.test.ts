import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG105-pretrained-model-use.js';

describe('SIG105 pretrained-model-use', () => {
  it('fails on image data handled without any pretrained model', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        unstructuredData: [{ modality: 'image', via: 'cv2', file: 'train.py', line: 1 }],
      }),
    });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.message, /image/);
  });

  it('passes with a fine-tuned transformer', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        pretrainedModels: [
          {
            name: 'distilbert-base-uncased',
            via: 'AutoModel.from_pretrained',
            hosted: false,
            file: 'train.py',
            line: 9,
          },
        ],
      }),
    });
    assert.equal(result.outcome, 'pass');
    assert.deepEqual(result.findings[0]?.evidence, [
      { file: 'train.py', line: 9, note: 'distilbert-base-uncased via AutoModel.from_pretrained' },
    ]);
  });

  it('is not applicable to a purely tabular project', () => {
    assert.equal(checkFacts(check, { signals: signalsFacts() }).outcome, 'not-applicable');
  });
});
