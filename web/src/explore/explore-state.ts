import { ROUTINE_DOSES, type ScheduledDose } from '@pathfinder/metrics';

/** Doses whose uptake Explore estimates: the routine schedule (a campaign dose has no due age to count eligible children by). */
export const EXPLORE_DOSES: readonly ScheduledDose[] = ROUTINE_DOSES;
export const QUINTILES = [1, 2, 3, 4, 5] as const;

export const splitList = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);
/** The list as a URL value: undefined (absent) when empty. */
export const joinList = (values: readonly (string | number)[]): string | undefined => (values.length > 0 ? values.join(',') : undefined);
