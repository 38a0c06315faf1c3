import { warmSyntheticRelease } from '../../fixtures/test/cached-release.ts';

/**
 * The synthetic releases most test files open, generated into the test cache one after another,
 * most used first. Run beside the first test files by `warm-release-cache-setup.ts`: without it,
 * the first two files to need a release both wait while one of them generates it, leaving a core
 * idle for most of a minute each time.
 */
const RELEASES = [
  { seed: 42, scale: 0.05 },
  { seed: 42, scale: 0.02 },
  { seed: 42, scale: 0.05, asAt: '2024-12-31' },
  { seed: 7, scale: 0.02 },
  { seed: 8, scale: 0.02 },
];

for (const options of RELEASES) await warmSyntheticRelease(options);
