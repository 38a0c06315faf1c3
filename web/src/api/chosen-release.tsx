import { createContext, use, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import type { ReleaseSummary } from '@pathfinder/metrics';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { releaseQueries } from './queries.ts';
import { releaseLabel, releaseOffer, resolveRelease, type ReleaseOffer } from './release-offer.ts';

/** The `release` search parameter of the page: an id, or undefined for the server's current release. */
export const useReleaseChoice = (): string | undefined => useSearch({ strict: false, select: (search) => search.release });

interface ChosenRelease {
  readonly release: ReleaseSummary;
  readonly offer: ReleaseOffer;
}

const ChosenReleaseContext = createContext<ChosenRelease | null>(null);

/** The release the page shows and what it offers. Only inside `ReleaseGate`, which draws its children once the release is known. */
export function useChosenRelease(): ChosenRelease {
  const chosen = use(ChosenReleaseContext);
  if (!chosen) throw new Error('useChosenRelease is used outside ReleaseGate');
  return chosen;
}

/**
 * Draws the view once the release it shows is known (GET /releases), so every view asks only for
 * what that release has; a `release` the server does not serve is said plainly, with a way out.
 */
export function ReleaseGate({ children }: { children: ReactNode }) {
  const choice = useReleaseChoice();
  const list = useQuery(releaseQueries.list());
  const release = list.data ? resolveRelease(list.data.releases, choice) : null;
  const chosen = useMemo(() => (release ? { release, offer: releaseOffer(release) } : null), [release]);
  if (list.isPending) return <Skeleton label="Loading the data sources…" height={400} />;
  if (list.isError) return <PanelError error={list.error} onRetry={() => void list.refetch()} />;
  if (!chosen) {
    return (
      <>
        <h1>Data source not available</h1>
        <p>This server has no release “{choice}”. It serves {list.data.releases.map(releaseLabel).join(', ') || 'no release'}.</p>
        <p><Link to="/" search={{ release: undefined }}>Open the overview of the current release</Link></p>
      </>
    );
  }
  return <ChosenReleaseContext value={chosen}>{children}</ChosenReleaseContext>;
}
