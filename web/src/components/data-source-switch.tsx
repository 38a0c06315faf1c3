import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { bootRelease } from '../api/boot-release.ts';
import { useReleaseChoice } from '../api/chosen-release.tsx';
import { releaseQueries } from '../api/queries.ts';
import { releaseLabel, resolveRelease } from '../api/release-offer.ts';
import { dataSourceOptions } from './data-source-options.ts';
import { searchForRelease } from './search-for-release.ts';

/** The dashboard's data source: which release every view shows, kept in the URL (`release`). */
export function DataSourceSwitch() {
  const id = useId();
  const choice = useReleaseChoice();
  const navigate = useNavigate();
  const list = useQuery(releaseQueries.list());
  // Until the list arrives, the release the server put in the page stands in (disabled), so the header keeps its size when the list comes.
  const standIn = !list.data && choice === undefined ? bootRelease : null;
  if (!list.data && !standIn) return null;
  const shown = list.data ? resolveRelease(list.data.releases, choice) : standIn;
  const options = list.data ? dataSourceOptions(list.data.releases) : standIn ? [{ value: standIn.id, label: releaseLabel(standIn) }] : [];
  const change = (next: string) => {
    const release = list.data?.releases.find((r) => r.id === next);
    if (release) void navigate({ to: '.', search: (previous) => searchForRelease(previous, release), resetScroll: false });
  };
  return (
    <div className="nhsuk-form-group data-source">
      <label className="nhsuk-label" htmlFor={id}>Data source</label>
      <select className="nhsuk-select" id={id} value={shown?.id ?? ''} disabled={!list.data} onChange={(e) => change(e.target.value)}>
        {!shown && <option value="" disabled>Choose a data source</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
