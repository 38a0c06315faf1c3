import { describe, expect, it } from 'vitest';
import { mapKindState } from './view-state.ts';

describe('mapKindState', () => {
  it.each([
    ['', 'boundaries'],
    ['map=tiles', 'tiles'],
    ['map=boundaries', 'boundaries'],
    ['map=hexagons', 'boundaries'],
    ['area=E09000012&map=tiles&period=latest', 'tiles'],
  ])('reads "%s" as %s', (search, kind) => expect(mapKindState(new URLSearchParams(search)).map).toBe(kind));
});
