import { useState } from 'react';
import { parseProblem } from '../api/api-problem.ts';
import { api } from '../api/api-client.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import type { CampaignOutreachFilter } from '../api/campaign-queries.ts';
import { downloadBlob } from '../components/download.ts';

/**
 * "Download CSV" of an outreach list: the server's CSV (asked with the tab's token, so it holds what
 * this caller sees), whose first row names the campaign, the as-of date and the release.
 */
export function OutreachDownload({ id, filter }: { id: string; filter: CampaignOutreachFilter }) {
  const { release } = useChosenRelease();
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const query = { level: filter.level, format: 'csv' as const, release: release.id, ...(filter.icb ? { icb: filter.icb } : {}), ...(filter.asOf ? { asOf: filter.asOf } : {}) };
      const answer = await api.api.v1.campaigns[':id'].outreach.$get({ param: { id }, query });
      if (!answer.ok) {
        const problem = parseProblem(await answer.json().catch(() => null));
        setError(problem?.detail ?? problem?.title ?? `the server answered ${answer.status}`);
        return;
      }
      const name = /filename="([^"]+)"/.exec(answer.headers.get('Content-Disposition') ?? '')?.[1] ?? `${id}-outreach.csv`;
      downloadBlob(await answer.blob(), name);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="chart-panel__actions">
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => void download()}>Download CSV</button>
      {error && <p className="sitrep-download__error" role="alert">The list could not be downloaded: {error}</p>}
    </div>
  );
}
