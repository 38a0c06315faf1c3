import type { AreaSummary } from '@pathfinder/metrics';
import type { DirectoryArea } from '../store/area-directory.ts';

/** The public face of an area in answers. */
export const areaSummary = (a: DirectoryArea): AreaSummary => ({ code: a.code, name: a.name, type: a.type, parentCode: a.parent });
