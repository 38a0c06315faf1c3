import { describe, expect, it } from 'vitest';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from './comparison-colours.ts';
import { NO_DATA_RGB, SEQUENTIAL_BLUES, classOf, colourFor, contrastRatio, equalBreaks, textColourOn } from './colour-scale.ts';

describe('colour scale', () => {
  it('splits the range into five equal classes', () => {
    expect(equalBreaks([60, 70, 80, 90, 100])).toEqual([68, 76, 84, 92]);
  });
  it('puts the minimum in the lightest class and the maximum in the darkest', () => {
    const breaks = equalBreaks([60, 100]);
    expect(classOf(60, breaks)).toBe(0);
    expect(classOf(100, breaks)).toBe(4);
    expect(colourFor(100, breaks)).toEqual(SEQUENTIAL_BLUES[4]);
  });
  it('colours missing values grey and gives no breaks for no data', () => {
    expect(colourFor(null, [1, 2])).toEqual(NO_DATA_RGB);
    expect(equalBreaks([null, null])).toEqual([]);
  });
  it('writes dark text on light tiles and white text on dark tiles', () => {
    expect(textColourOn(SEQUENTIAL_BLUES[0]!)).toEqual([33, 43, 50]);
    expect(textColourOn(SEQUENTIAL_BLUES[4]!)).toEqual([255, 255, 255]);
  });
  it('gives map labels text with at least 4.5:1 contrast (WCAG AA) on every fill the maps use', () => {
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
    const fills = [...SEQUENTIAL_BLUES, NO_DATA_RGB, hex(SUPPRESSED_STYLE.fill), ...Object.values(COMPARISON_STYLE).map((s) => hex(s.fill))];
    for (const fill of fills) expect(contrastRatio(fill, textColourOn(fill)), `rgb(${fill.join(',')})`).toBeGreaterThanOrEqual(4.5);
    expect(textColourOn(SEQUENTIAL_BLUES[3]!)).toEqual([0, 0, 0]);
  });
});
