import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clip } from './quote.js';

describe('clip', () => {
  it('keeps a first sentence that fits, with its full stop', () => {
    assert.equal(clip('Predicting bike demand. It uses two years of trips.'), 'Predicting bike demand.');
  });

  it('cuts a long sentence at the last whole word, never mid-word', () => {
    const long = 'A very long opening sentence about forecasting hourly bike demand in Lyon from weather';
    const got = clip(long, 40);
    assert.equal(got, 'A very long opening sentence about…');
    assert.ok(long.startsWith(got.slice(0, -1)));
  });

  it('drops the partial word of text that arrived cut', () => {
    assert.equal(clip('We replicate the ResNet paper on CIFA…'), 'We replicate the ResNet paper on…');
    assert.equal(
      clip('Station status collected every five minu', 180, true),
      'Station status collected every five…',
    );
  });

  it('ends at a CJK full stop too', () => {
    assert.equal(clip('V2EX 全站帖子爬虫。数据保存到 v2ex.sqlite。'), 'V2EX 全站帖子爬虫。');
  });

  it('leaves short whole text alone', () => {
    assert.equal(clip('  paper:   0.91, ours: 0.89 '), 'paper: 0.91, ours: 0.89');
  });
});
