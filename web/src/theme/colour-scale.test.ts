import { describe, expect, it } from 'vitest';
import { NO_DATA_RGB, SEQUENTIAL_BLUES, classOf, colourFor, equalBreaks, textColourOn } from './colour-scale.ts';

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
});
