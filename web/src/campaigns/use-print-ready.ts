import { useEffect, useState, type RefObject } from 'react';
import { useIsFetching } from '@tanstack/react-query';

/** How often the page looks again whether everything is drawn (charts and the map size themselves after a frame). */
const CHECK_MS = 100;
/** What is still loading or drawing inside a panel: a placeholder, a chart whose code is loading, or a map that has not measured its box yet. */
const UNFINISHED = '.skeleton, .chart-placeholder, .tile-map__canvas:not(:has(svg))';

interface PrintState {
  readonly ready: boolean;
  /** Why a panel could not be drawn (its error), once everything has settled. */
  readonly failed: string | undefined;
}

const NOT_YET: PrintState = { ready: false, failed: undefined };

/**
 * Whether a print page is complete: its own data has arrived (`loaded`), no query of the page is
 * fetching (panels fetch their own), and nothing inside `root` is still a placeholder; or which
 * panel failed. The printer waits for the attribute this drives (`data-print-ready`), so a report
 * is never printed half drawn, nor with a panel's error in place of its figures.
 */
export function usePrintReady(root: RefObject<HTMLElement | null>, loaded: boolean): PrintState {
  const fetching = useIsFetching();
  const [state, setState] = useState<PrintState>(NOT_YET);
  useEffect(() => {
    const settle = (next: PrintState) => setState((previous) => (previous.ready === next.ready && previous.failed === next.failed ? previous : next));
    if (!loaded || fetching > 0) {
      settle(NOT_YET);
      return;
    }
    const check = () => {
      const element = root.current;
      if (!element || element.querySelector(UNFINISHED) !== null) return;
      const error = element.querySelector('.panel-error');
      settle(error ? { ready: false, failed: error.textContent?.replace(/Try again$/, '').trim() ?? 'a panel could not be drawn' } : { ready: true, failed: undefined });
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [root, loaded, fetching]);
  return state;
}
