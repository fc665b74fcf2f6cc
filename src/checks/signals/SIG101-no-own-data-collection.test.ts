import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import type { PythonFacts } from '../../collectors/python/types.js';
import { detection, herdFacts } from '../herd/fixtures.js';
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
      herd: herdFacts(),
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
      herd: herdFacts(),
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
      herd: herdFacts(),
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
    const result = checkFacts(check, {
      python: { ...python, files: [] },
      herd: herdFacts(),
      signals: signalsFacts(),
    });
    assert.equal(result.outcome, 'not-applicable');
  });

  it('counts what the customData fact counts: a database driver stores data, it gathers none', () => {
    const result = checkFacts(check, {
      python,
      herd: herdFacts(),
      signals: signalsFacts({
        collection: [{ library: 'psycopg2', kind: 'database', file: 'src/load.py', line: 3 }],
      }),
    });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.messageId, 'none');
  });

  it("does not count a course capstone's guided API lab as the candidate's own data", () => {
    const capstone = { ...detection('ibm-spacex-falcon9', 'flagship', 0.9), guidedCollection: true };
    const result = checkFacts(check, {
      python,
      herd: herdFacts({ capstones: [capstone] }),
      signals: signalsFacts({
        collection: [{ library: 'requests', kind: 'api', file: 'lab1.ipynb', line: 4 }],
      }),
    });
    assert.equal(result.outcome, 'fail');
  });

  it('passes an R project whose code calls an outside API (httr)', () => {
    const result = checkFacts(check, {
      python: { ...python, files: [] },
      herd: herdFacts(),
      signals: signalsFacts({
        collection: [{ library: 'httr', kind: 'api', file: 'R/downloadData.R', line: 12 }],
      }),
    });
    assert.equal(result.outcome, 'pass');
  });
});
