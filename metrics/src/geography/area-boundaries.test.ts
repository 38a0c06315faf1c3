import { describe, expect, it } from 'vitest';
import { normaliseAreaBoundaries, ONS_BOUNDARIES_ATTRIBUTION } from './area-boundaries.ts';
import { BOROUGHS, ICBS } from './london-geography.ts';

const square = { type: 'Polygon', coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51]]] };
const feature = (properties: Record<string, unknown>, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'FeatureCollection', features, ...extra });
const everyBorough = (key = 'code') => BOROUGHS.map((b) => feature({ [key]: b.code }));

describe('normaliseAreaBoundaries', () => {
  it('takes LADyyCD when there is no code, drops areas outside London, names areas as our geography does and orders them by code', () => {
    const b = normaliseAreaBoundaries(collection([feature({ LAD21CD: 'E06000001', LAD21NM: 'Hartlepool' }), ...everyBorough('LAD21CD').reverse()]), 'borough', ONS_BOUNDARIES_ATTRIBUTION);
    expect(b.features.map((f) => f.properties)).toEqual(BOROUGHS.map((a) => ({ code: a.code, name: a.name })));
    expect(b).toMatchObject({ type: 'FeatureCollection', areaType: 'borough', attribution: ONS_BOUNDARIES_ATTRIBUTION });
  });

  it('reads ICB files by ICByyCD, and keeps a file’s own attribution', () => {
    const b = normaliseAreaBoundaries(collection(ICBS.map((i) => feature({ ICB23CD: i.code })), { attribution: 'Our own survey, CC BY 4.0' }), 'icb', ONS_BOUNDARIES_ATTRIBUTION);
    expect(b.features.map((f) => f.properties.code)).toEqual(ICBS.map((i) => i.code));
    expect(b.attribution).toBe('Our own survey, CC BY 4.0');
  });

  it.each([
    [{ type: 'Feature' }, 'FeatureCollection'],
    [collection([feature({})]), 'boundary feature 0 has no area code (properties code or LADyyCD)'],
    [collection([feature({ code: 'E06000001' })]), 'have no London borough'],
    [collection([feature({ code: 'E09000001' }, { type: 'Point', coordinates: [0, 0] })]), 'boundary of E09000001 is not a Polygon or MultiPolygon'],
    [collection(everyBorough().slice(1)), 'have no feature for E09000001 City of London'],
    [collection([...everyBorough(), feature({ code: 'E09000012' })]), 'more than one feature for E09000012 (2 features)'],
  ])('rejects a bad borough file, saying what is wrong (%#)', (input, message) => expect(() => normaliseAreaBoundaries(input, 'borough', '')).toThrow(message));

  it('rejects a borough file given as ICB boundaries', () => {
    expect(() => normaliseAreaBoundaries(collection(everyBorough()), 'icb', '')).toThrow('have no London ICB');
  });
});
