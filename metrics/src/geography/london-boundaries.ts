import boroughFile from './boundaries/london-boroughs-lad24-bsc.geo.json' with { type: 'json' };
import icbFile from './boundaries/london-icbs-icb23-bsc.geo.json' with { type: 'json' };
import { normaliseAreaBoundaries, type BoundarySet } from './area-boundaries.ts';

const ons = (year: number) => `Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right ${year}.`;

/**
 * The ONS boundaries bundled with the product (BSC generalisation; see boundaries/PROVENANCE.md):
 * London's 33 boroughs (May 2024) and 5 ICBs (April 2023). Kept out of the package index so that
 * only what imports this module (the server) carries the 67 KB of coordinates.
 */
export const LONDON_BOUNDARIES: BoundarySet = Object.freeze({
  borough: normaliseAreaBoundaries(boroughFile, 'borough', ons(2024)),
  icb: normaliseAreaBoundaries(icbFile, 'icb', ons(2023)),
});
