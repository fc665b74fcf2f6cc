import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG108-hosted-llm-only.js';

const hosted = { name: 'gpt-4o-mini', via: 'openai API', hosted: true, file: 'app.py', line: 12 };

describe('SIG108 hosted-llm-only', () => {
  it('fails when every model is a hosted API call', () => {
    const result = checkFacts(check, { signals: signalsFacts({ pretrainedModels: [hosted] }) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.evidence, [
      { file: 'app.py', line: 12, note: 'gpt-4o-mini via openai API' },
    ]);
  });

  it('passes when an open model is also loaded', () => {
    const local = {
      name: 'all-MiniLM-L6-v2',
      via: 'SentenceTransformer',
      hosted: false,
      file: 'embed.py',
      line: 4,
    };
    const result = checkFacts(check, { signals: signalsFacts({ pretrainedModels: [hosted, local] }) });
    assert.equal(result.outcome, 'pass');
  });

  it('is not applicable without pretrained models', () => {
    assert.equal(checkFacts(check, { signals: signalsFacts() }).outcome, 'not-applicable');
  });
});
