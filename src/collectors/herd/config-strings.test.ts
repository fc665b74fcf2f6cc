import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseRepo } from '../../../test/helpers/facts.js';
import { repo } from '../../../test/helpers/repo.js';
import { scanText } from './config-strings.js';

describe('configuration strings', () => {
  it('keeps values that name files or addresses, with their lines', () => {
    const out = scanText(
      'paths:\n  train_csv: data/train.csv  # the split\n  seed: 42\nfiles:\n  - "raw/german.data"\nurl = "https://example.org/x.zip"\n',
      'config.yaml',
    );
    assert.deepEqual(
      out.map((s) => [s.value, s.line]),
      [
        ['data/train.csv', 2],
        ['raw/german.data', 5],
        ['https://example.org/x.zip', 6],
      ],
    );
  });

  it('reads a Kaggle competition or data set given under a kaggle key', () => {
    const yaml = scanText('kaggle:\n  competition: titanic\nother:\n  competition: mine\n', 'c.yaml');
    assert.deepEqual(
      yaml.map((s) => s.value),
      ['kaggle competition: titanic'],
    );
    const toml = scanText('[kaggle]\ndataset = "mlg-ulb/creditcardfraud"\n', 'c.toml');
    assert.deepEqual(
      toml.map((s) => s.value),
      ['mlg-ulb/creditcardfraud', 'kaggle dataset: mlg-ulb/creditcardfraud'],
    );
  });
});

describe('configuration files read', () => {
  it('reads YAML and JSON named as configuration, not JSON data', async () => {
    const ids = async (files: Record<string, string>) =>
      (await analyseRepo(repo(files))).facts?.stockDatasets.map((d) => d.id).sort();
    assert.deepEqual(await ids({ 'config/train.json': '{"raw_file": "data/raw/gc/german.data"}\n' }), [
      'german-credit',
    ]);
    assert.deepEqual(await ids({ 'params.yaml': 'raw: data/raw/gc/german.data\n' }), ['german-credit']);
    assert.deepEqual(await ids({ 'data/records.json': '[{"file": "data/raw/gc/german.data"}]\n' }), []);
  });
});
