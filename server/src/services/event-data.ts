import { ApiError } from '../http/api-error.ts';
import type { ServiceContext } from './service-context.ts';

/** 404 `no_event_data` unless the release holds event-level immunisation data (children and doses). */
export function requireEventData(ctx: ServiceContext, what: string): void {
  if (!ctx.release.hasEvents) {
    throw new ApiError(404, 'no_event_data', `${what} is derived from event-level immunisation data, and release ${ctx.release.manifest.id} has none (no events/doses.parquet); import event data or use a synthetic release`);
  }
}
