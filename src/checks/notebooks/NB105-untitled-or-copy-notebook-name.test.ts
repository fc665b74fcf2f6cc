import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFacts } from '../../../test/helpers/facts.js';
import { nbOf, notebooksOf } from './fixtures.js';
import check from './NB105-untitled-or-copy-notebook-name.js';

describe('NB105 untitled-or-copy-notebook-name', () => {
  it('fails for Untitled, copies, duplicates and checkpoints', () => {
    const paths = [
      'Untitled.ipynb',
      'nb/Untitled3.ipynb',
      'model-Copy1.ipynb',
      'Copy of eda.ipynb',
      'eda (1).ipynb',
      '.ipynb_checkpoints/eda-checkpoint.ipynb',
    ];
    const result = checkFacts(check, { notebooks: notebooksOf(...paths.map((p) => nbOf(p, []))) });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.evidence[0]!.file),
      paths,
    );
  });

  it('passes descriptive names, including ones containing "copy" as a word', () => {
    const names = ['01-clean-data.ipynb', 'copywriting-model.ipynb', 'untitled_projects_survey.ipynb'];
    assert.equal(
      checkFacts(check, { notebooks: notebooksOf(...names.map((p) => nbOf(p, []))) }).outcome,
      'pass',
    );
  });

  it('is not applicable without notebooks', () => {
    assert.equal(checkFacts(check, { notebooks: notebooksOf() }).outcome, 'not-applicable');
  });
});
