import { useCallback } from 'react';
import { useNavigate } from '@tanstack/react-router';

/** Changes some of the view's search parameters, keeping the others. */
export type SearchUpdate<S> = (patch: Partial<S>, options?: { replace?: boolean }) => void;

/**
 * Writes a view's state to its URL without scrolling: a new history entry, so Back returns to the
 * previous state, or with `replace` for adjustments not worth a Back step (sort, colour, playback).
 */
export function useSearchUpdate<S>(): SearchUpdate<S> {
  const navigate = useNavigate();
  return useCallback(
    (patch, { replace = false } = {}) => void navigate({ to: '.', search: (previous) => ({ ...previous, ...patch }), replace, resetScroll: false }),
    [navigate],
  );
}
