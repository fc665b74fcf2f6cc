import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import type { PythonFacts } from '../../collectors/python/types.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG101-no-own-data-collection.js';

const python: PythonFacts = {
  files: [
    {
      path: 'eda.ipynb',
      origin: 'notebook',
      codeLines: 40,
      commentLines: 2,
      syntaxErrors: [],
      hasMainGuard: false,
      generated: false,
    },
  ],
  imports: [],
  calls: [],
  strings: [],
  defs: [],
  localModules: [],
};

describe('SIG101 no-own-data-collection', () => {
  it('fails when nothing collects data and nothing says it was gathered', () => {
    const result = checkFacts(check, {
      python,
      signals: signalsFacts({
        provenance: [
          { text: 'The data was downloaded from Kaggle.', ownCollection: false, file: 'README.md', line: 3 },
        ],
      }),
    });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.messageId, 'none');
  });

  it('passes with scraping code, pointing at it', () => {
    const result = checkFacts(check, {
      python,
      signals: signalsFacts({
        collection: [{ library: 'requests+bs4', kind: 'scraping', file: 'src/scrape.py', line: 7 }],
      }),
    });
    assert.equal(result.outcome, 'pass');
    assert.deepEqual(result.findings[0]?.evidence, [
      { file: 'src/scrape.py', line: 7, note: 'requests+bs4: scraping' },
    ]);
  });

  it('passes when the README says the author surveyed people', () => {
    const result = checkFacts(check, {
      python,
      signals: signalsFacts({
        provenance: [
          {
            text: 'We surveyed 300 nurses via Google Forms.',
            ownCollection: true,
            file: 'README.md',
            line: 2,
          },
        ],
      }),
    });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.findings[0]?.messageId, 'documented');
  });

  it('is not applicable to a repository without Python', () => {
    const result = checkFacts(check, { python: { ...python, files: [] }, signals: signalsFacts() });
    assert.equal(result.outcome, 'not-applicable');
  });
});
