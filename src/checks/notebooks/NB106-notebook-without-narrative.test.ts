import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { codeCell, mdCell, nbOf, notebooksOf } from './fixtures.js';
import check from './NB106-notebook-without-narrative.js';

const codeCells = (n: number) => Array.from({ length: n }, (_, i) => codeCell(`x${i} = ${i}`, i + 1));

describe('NB106 notebook-without-narrative', () => {
  it('fails a wall of code', () => {
    const nb = nbOf('m.ipynb', codeCells(10));
    const result = checkFacts(check, { notebooks: notebooksOf(nb) });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]!.message, 'm.ipynb has 0 Markdown cells for 10 code cells');
  });

  it('fails Markdown without a single heading', () => {
    const nb = nbOf('m.ipynb', [
      mdCell('some words'),
      ...codeCells(3),
      mdCell('more words'),
      ...codeCells(3),
    ]);
    const result = checkFacts(check, { notebooks: notebooksOf(nb) });
    assert.equal(result.findings[0]!.messageId, 'noHeadings');
  });

  it('passes a notebook with headings and prose', () => {
    const nb = nbOf('m.ipynb', [
      mdCell('# Demand'),
      ...codeCells(4),
      mdCell('## Model\nWhy'),
      ...codeCells(4),
    ]);
    assert.equal(checkFacts(check, { notebooks: notebooksOf(nb) }).outcome, 'pass');
  });

  it('is not applicable for short notebooks', () => {
    assert.equal(
      checkFacts(check, { notebooks: notebooksOf(nbOf('m.ipynb', codeCells(2))) }).outcome,
      'not-applicable',
    );
  });
});
