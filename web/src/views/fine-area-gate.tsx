import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../api/queries.ts';
import { isLondonArea } from '../components/london-areas.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';

/**
 * Draws `children` (which ask for `area`'s figures) when the caller may see the area: London, an ICB
 * or a borough always; a practice or PCN (an attention link's area) only with a token that opens
 * those levels. Otherwise it says why, so the page asks for nothing it would be refused.
 */
export function FineAreaGate({ area, children }: { area: string; children: ReactNode }) {
  const coarse = isLondonArea(area);
  const session = useQuery({ ...sessionQueries.caller(), enabled: !coarse });
  if (coarse) return children;
  if (session.isPending) return <Skeleton label="Checking access…" height={360} />;
  if (session.isError) return <PanelError error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data.areaTypes.includes('practice')) return children;
  return (
    <section className="nhsuk-card nhsuk-card--warning access-notice" data-testid="fine-area-notice">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">This area’s trend needs an access token</h2>
        <p>“{area}” is a GP practice or primary care network: their figures are shown only with an ICS or regional access token. Choose <strong>Use an access token</strong> in the header, or pick a borough or ICB on the map.</p>
      </div>
    </section>
  );
}
