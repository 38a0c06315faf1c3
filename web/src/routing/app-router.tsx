import { useQueryErrorResetBoundary, type QueryClient } from '@tanstack/react-query';
import { createRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { routeTree } from './route-tree.tsx';
import { parseSearch, stringifySearch } from './url-search.ts';

/** The dashboard's router: code-based routes, their data cached by react-query. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    // react-query decides when data is stale; the router keeps no cache of its own.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Skeleton label="Loading page…" />,
    defaultErrorComponent: PageError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

/** A page that failed to draw: the reason and a retry, within the page (each navigation starts afresh). */
function PageError({ error, reset }: ErrorComponentProps) {
  const queries = useQueryErrorResetBoundary();
  return (
    <PanelError
      error={error instanceof Error ? error : new Error(String(error))}
      onRetry={() => {
        queries.reset();
        reset();
      }}
    />
  );
}
