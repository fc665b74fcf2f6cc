import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shareColor } from './svg.js';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

describe('shareColor', () => {
  it('gives every score band a background white text can be read on (WCAG AA, 4.5:1)', () => {
    for (const share of [null, 0, 0.39, 0.4, 0.69, 0.7, 1]) {
      const colour = shareColor(share);
      assert.ok(
        contrastWithWhite(colour) >= 4.5,
        `${colour} for ${share}: ${contrastWithWhite(colour).toFixed(2)}:1`,
      );
    }
  });

  it('tells the bands apart', () => {
    assert.equal(new Set([shareColor(null), shareColor(0.1), shareColor(0.5), shareColor(0.9)]).size, 4);
  });
});
