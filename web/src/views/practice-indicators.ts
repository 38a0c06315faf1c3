import { INDICATORS } from '@pathfinder/metrics';

/** Practice funnel plots are drawn for proportions published at practice level. */
export const PRACTICE_INDICATORS = INDICATORS.filter((i) => i.areaTypes.includes('practice') && i.method === 'wilson-proportion');
