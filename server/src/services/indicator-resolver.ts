import { findIndicator, type Indicator } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';

/** The indicator with this id: the one place an unknown indicator becomes a 404 (`indicator_not_found`). */
export function resolveIndicator(id: string): Indicator {
  const indicator = findIndicator(id);
  if (!indicator) throw ApiError.notFound('indicator', id);
  return indicator;
}
