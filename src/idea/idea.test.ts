import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { rateIdea } from './rate.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/idea.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

describe('unherd idea', () => {
  it('rates a stock-dataset idea low and says what it matched', () => {
    const r = rateIdea('Predict survival on the Titanic with a random forest using the Kaggle dataset.');
    assert.equal(r.originality.score, 0);
    assert.ok(r.originality.matches.some((m) => m.kind === 'stock-dataset' && m.id === 'titanic'));
    assert.equal(r.data.score, 5, 'a ready-made download');
    assert.equal(r.user.score, 0);
    assert.equal(r.verdict, 'rethink');
    assert.deepEqual(
      r.changes.map((c) => c.aspect),
      ['originality', 'data', 'user'],
    );
    assert.ok(validate(JSON.parse(JSON.stringify(r))), JSON.stringify(validate.errors));
  });

  it('rates a collected, scoped idea with a named user and a pretrained model high', () => {
    const r = rateIdea(
      'Count the bikes parked at the three racks outside my office with a Raspberry Pi camera and object detection, so that our facilities team knows when to add racks; I will record two weeks of images and label a few hundred myself.',
    );
    assert.equal(r.verdict, 'go');
    assert.equal(r.score, 100);
    assert.ok(r.data.matches.some((m) => m.kind === 'sensor'));
    assert.equal(r.pretrained.tasks[0]?.id, 'object-detection');
    assert.ok(r.pretrained.tasks[0]!.models.length > 0);
    assert.deepEqual(r.changes, []);
    assert.ok(validate(JSON.parse(JSON.stringify(r))), JSON.stringify(validate.errors));
  });

  it('calls a sprawling, vague idea too big and asks for a user', () => {
    const r = rateIdea(
      'I want to build a platform that uses AI to analyse data for all types of businesses.',
    );
    assert.equal(r.scope.score, 5);
    assert.ok(r.scope.matches.some((m) => m.text === 'platform'));
    assert.equal(r.verdict, 'rethink');
    assert.equal(r.changes.length, 3);
  });

  it('refuses an idea in another language instead of scoring it as vague; terse English passes', () => {
    assert.throws(
      () => rateIdea('Ein Projekt über Fahrräder in Berlin mit Kameras und Objekterkennung für unser Büro'),
      /German; only English ideas/,
    );
    assert.throws(
      () => rateIdea('Contar las bicicletas en la oficina con una cámara para el equipo de instalaciones'),
      /Spanish/,
    );
    assert.throws(
      () => rateIdea('自転車の数をカメラで数えるプロジェクト、オフィスのため'),
      /non-Latin script/,
    );
    assert.equal(rateIdea('Kenyan maize yield forecasting from Sentinel-2 imagery').idea.length > 0, true);
  });

  it('is deterministic', () => {
    const text = 'Classify bird song recorded in my garden, to help local gardeners know which birds visit.';
    assert.deepEqual(rateIdea(text), rateIdea(text));
  });
});
