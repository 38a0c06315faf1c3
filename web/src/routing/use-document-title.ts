import { useEffect } from 'react';
import { useRouterState } from '@tanstack/react-router';

/** "<View> – Pathfinder Monitor", from the route's `staticData.title`. */
export function useDocumentTitle() {
  const title = useRouterState({ select: (state) => state.matches.at(-1)?.staticData.title });
  useEffect(() => {
    document.title = title ? `${title} – Pathfinder Monitor` : 'Pathfinder Monitor';
  }, [title]);
}
