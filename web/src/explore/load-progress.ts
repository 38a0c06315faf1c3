import { useSyncExternalStore } from 'react';

/** Where loading Explore has got to; bytes are null when the size is not known. */
export interface LoadProgress {
  readonly step: 'engine' | 'download' | 'loading' | 'ready';
  readonly label: string;
  readonly loaded: number | null;
  readonly total: number | null;
}

const listeners = new Set<() => void>();
let current: LoadProgress = { step: 'engine', label: 'Starting DuckDB', loaded: null, total: null };

/** Records a loading step; every subscriber re-renders. */
export function reportProgress(progress: LoadProgress): void {
  current = progress;
  for (const l of listeners) l();
}

/** The latest loading step, for the progress indicator. */
export function useLoadProgress(): LoadProgress {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, () => current);
}
