import type { AreaType } from '@pathfinder/metrics';
import { canSeeArea, type Caller } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * The one refusal of data the caller's role may not see: 401 for the public (a token may open it),
 * 403 for a token whose role does not reach it. Every service refuses through this.
 */
export const areaAccessDenied = (caller: Caller, detail: string) => new ApiError(caller.role === 'public' ? 401 : 403, 'forbidden_area_level', detail);

const forbidden = (ctx: ServiceContext, what: string) => areaAccessDenied(ctx.caller, `${what} needs a token for a role that may see it (ics for its own ICB, region, admin)`);

/** Refuses (401/403) an area the caller may not see; `what` names it in the refusal. */
export function requireVisible(ctx: ServiceContext, area: DirectoryArea, what = `data for ${area.type} ${area.code}`): void {
  if (!canSeeArea(ctx.caller, area)) throw forbidden(ctx, what);
}

/**
 * Every area of a level (under a parent, any ancestor) the caller may see, as `visibleAreas` does
 * for indicators: 404 for an unknown parent, 401/403 when none of the level is open to the caller.
 */
export function visibleLevelAreas(ctx: ServiceContext, areaType: AreaType, parent: string | undefined): DirectoryArea[] {
  if (parent && !ctx.release.areas.get(parent)) throw ApiError.notFound('area', parent);
  const areas = ctx.release.areas.list(areaType, parent);
  const visible = areas.filter((a) => canSeeArea(ctx.caller, a));
  if (areas.length > 0 && visible.length === 0) throw forbidden(ctx, `${areaType} level data`);
  return visible;
}

/** One area by code if the caller may see it: 404 when unknown, 401/403 when not open to the caller. */
export function visibleArea(ctx: ServiceContext, code: string): DirectoryArea {
  const area = ctx.release.areas.get(code);
  if (!area) throw ApiError.notFound('area', code);
  requireVisible(ctx, area);
  return area;
}
