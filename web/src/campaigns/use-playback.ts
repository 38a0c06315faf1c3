import { useCallback, useEffect, useState } from 'react';

/**
 * Plays through `count` steps, one every `stepMs`, from `committed` (from the first step when
 * `committed` is the last). While playing, the shown step is local state; pausing, seeking or
 * reaching the end hands the step to `commit` (e.g. to write it to the URL). Never starts by
 * itself, so nothing moves unless the user asks (WCAG 2.2.2; prefers-reduced-motion).
 */
export function usePlayback(count: number, committed: number, commit: (step: number) => void, stepMs: number) {
  const [playing, setPlaying] = useState<number | null>(null);
  useEffect(() => {
    if (playing === null) return;
    const timer = setTimeout(() => {
      if (playing >= count - 1) {
        setPlaying(null);
        commit(count - 1);
      } else {
        setPlaying(playing + 1);
      }
    }, stepMs);
    return () => clearTimeout(timer);
  }, [playing, count, commit, stepMs]);
  const play = useCallback(() => setPlaying(committed >= count - 1 ? 0 : committed), [committed, count]);
  const pause = useCallback(() => {
    if (playing !== null) commit(playing);
    setPlaying(null);
  }, [playing, commit]);
  const seek = useCallback((step: number) => {
    setPlaying(null);
    commit(step);
  }, [commit]);
  return { step: playing ?? committed, playing: playing !== null, play, pause, seek };
}
