import { useEffect } from 'react';
import { useRouterState } from '@tanstack/react-router';

/** "<what the page shows> – Pathfinder Monitor", from the route's `staticData.title`. */
export function useDocumentTitle() {
  const title = useRouterState({
    select: (state) => {
      const match = state.matches.at(-1);
      const title = match?.staticData.title;
      return typeof title === 'function' ? title({ params: match!.params as Record<string, string>, search: match!.search as Record<string, unknown> }) : title;
    },
  });
  useEffect(() => {
    document.title = title ? `${title} – Pathfinder Monitor` : 'Pathfinder Monitor';
  }, [title]);
}
