import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import type { ReadmeFacts, ReadmeSection } from '../../collectors/readme/types.js';
import { signalsFacts } from './fixtures.js';
import check from './SIG102-data-provenance-undocumented.js';

function readme(sections: ReadmeSection[], present = true): ReadmeFacts {
  return {
    present,
    path: present ? 'README.md' : null,
    format: present ? 'markdown' : null,
    encoding: present ? 'utf-8' : null,
    truncated: false,
    title: 'Rents',
    intro: null,
    words: 200,
    sections,
    links: [],
    images: [],
    codeBlocks: [],
    runCommands: [],
    badges: 0,
    metrics: [],
    baselineMentions: [],
    placeholders: [],
  };
}

const collecting = signalsFacts({
  collection: [{ library: 'requests+bs4', kind: 'scraping', file: 'src/scrape.py', line: 7 }],
});

describe('SIG102 data-provenance-undocumented', () => {
  it('fails when the README never mentions the scraped data', () => {
    const result = checkFacts(check, {
      signals: collecting,
      readme: readme([{ title: 'Usage', level: 2, line: 3, kind: 'how-to-run', words: 40 }]),
    });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.messageId, 'silent');
  });

  it('fails on a data section of a few words', () => {
    const result = checkFacts(check, {
      signals: collecting,
      readme: readme([{ title: 'Data', level: 2, line: 5, kind: 'data', words: 6 }]),
    });
    assert.equal(result.findings[0]?.messageId, 'thin');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: 'README.md', line: 5 }]);
  });

  it('fails without a README', () => {
    const result = checkFacts(check, { signals: collecting, readme: readme([], false) });
    assert.equal(result.findings[0]?.messageId, 'noReadme');
  });

  it('passes with a substantial data section', () => {
    const result = checkFacts(check, {
      signals: collecting,
      readme: readme([{ title: 'Data', level: 2, line: 5, kind: 'data', words: 80 }]),
    });
    assert.equal(result.outcome, 'pass');
  });

  it('passes with a provenance sentence in the README', () => {
    const result = checkFacts(check, {
      signals: signalsFacts({
        ...collecting,
        provenance: [{ text: 'I scraped 12,000 listings', ownCollection: true, file: 'README.md', line: 4 }],
      }),
      readme: readme([]),
    });
    assert.equal(result.outcome, 'pass');
    assert.deepEqual(result.findings[0]?.evidence, [{ file: 'README.md', line: 4 }]);
  });

  it('is not applicable when nothing is collected', () => {
    assert.equal(
      checkFacts(check, { signals: signalsFacts(), readme: readme([]) }).outcome,
      'not-applicable',
    );
  });
});
