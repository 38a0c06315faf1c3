import { describe, expect, it } from 'vitest';
import { BOROUGHS } from '@pathfinder/metrics';
import { LONDON_BOUNDARIES } from '@pathfinder/metrics/london-boundaries';
import { insideRings } from '@pathfinder/metrics';
import { boxFits, fitGeometry, fittingLabel, mapGeometry, MAP_WIDTH, type MapShape } from './boundary-geometry.ts';

const london = mapGeometry(LONDON_BOUNDARIES.borough);
const shape = (code: string) => london.shapes.find((s) => s.code === code)!;
/** A square of side 100 map units with a notch cut from the top down to y = 60 between x = `from` and `to`. */
const notched = (from: number, to: number, anchor: [number, number]): MapShape => ({
  code: 'X', name: 'Notched', path: '', anchor,
  main: [[[0, 0], [from, 0], [from, 60], [to, 60], [to, 0], [100, 0], [100, 100], [0, 100], [0, 0]]],
});
const square = notched(45, 55, [50, 80]);

describe('mapGeometry', () => {
  it('projects every borough into a map 1,000 units wide, about as tall as London is on a web map', () => {
    expect(london.shapes.map((s) => s.code)).toEqual(BOROUGHS.map((b) => b.code));
    expect(london.width).toBe(MAP_WIDTH);
    // London spans about 0.84° of longitude and 0.40° of latitude; Mercator stretches latitude by 1/cos(51.5°).
    expect(london.height / london.width).toBeCloseTo((0.4 / Math.cos((51.5 * Math.PI) / 180)) / 0.84, 1);
    for (const s of london.shapes) expect(s.path, s.name).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z/);
  });

  it('anchors each borough inside its own largest polygon and inside no other borough', () => {
    for (const s of london.shapes) {
      expect(insideRings(s.main, s.anchor), s.name).toBe(true);
      expect(london.shapes.filter((o) => o !== s && insideRings(o.main, s.anchor)).map((o) => o.name), s.name).toEqual([]);
    }
  });

  it('keeps islands and river-split parts as extra polygons in the path (Greenwich, Richmond)', () => {
    expect(shape('E09000011').path.match(/M/g)!.length).toBeGreaterThan(1);
    expect(shape('E09000027').path.match(/M/g)!.length).toBeGreaterThan(1);
  });
});

describe('fitGeometry', () => {
  it('centres the map in the box and keeps the padding on the tighter side', () => {
    const fit = fitGeometry(london, 500, 400, 8);
    expect(fit.scale).toBeCloseTo(Math.min(484 / london.width, 384 / london.height), 10);
    expect(fit.x * 2 + london.width * fit.scale).toBeCloseTo(500, 6);
    expect(fit.y * 2 + london.height * fit.scale).toBeCloseTo(400, 6);
  });
});

describe('labels', () => {
  const width = (t: string) => t.length * 7;

  it('fits a box only when it is inside the area: not past an edge, not across a notch', () => {
    expect(boxFits(square, 80, 30)).toBe(true);
    expect(boxFits(square, 80, 42)).toBe(false);
    expect(boxFits(square, 101, 10)).toBe(false);
    expect(boxFits(notched(45, 55, [25, 50]), 30, 20)).toBe(true);
    expect(boxFits(notched(45, 55, [25, 50]), 60, 20)).toBe(false);
    // The notch falls between the points sampled along the box's top edge: its corners give it away.
    expect(boxFits(notched(25, 30, [50, 75]), 80, 30)).toBe(true);
    expect(boxFits(notched(25, 30, [50, 75]), 80, 36)).toBe(false);
  });

  it('takes the longest candidate that fits, a shorter one when it does not, and none when nothing does', () => {
    expect(fittingLabel(square, ['Notched area', 'Notch'], 1, width, 12)?.text).toBe('Notched area');
    expect(fittingLabel(square, ['Notched area', 'Notch'], 0.5, width, 12)?.text).toBe('Notch');
    expect(fittingLabel(square, ['Notched area', 'Notch'], 0.2, width, 12)).toBeNull();
  });

  it('finds room for a large borough’s full name on a desktop-sized map, and for none in the City of London', () => {
    const scale = fitGeometry(london, 520, 416, 8).scale;
    expect(fittingLabel(shape('E09000006'), ['Bromley', 'Brom'], scale, width, 12)?.text).toBe('Bromley');
    expect(fittingLabel(shape('E09000001'), ['City of London', 'City'], scale, width, 12)).toBeNull();
  });
});
