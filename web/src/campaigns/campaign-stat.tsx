import type { ReactNode } from 'react';

/** One headline figure of a campaign (a term, its value and a line of detail), inside a `<dl>`. */
export function CampaignStat({ term, value, detail }: { term: string; value: string; detail: ReactNode }) {
  return (
    <div className="stat">
      <dt>{term}</dt>
      <dd>
        <span className="stat__value">{value}</span>
        {detail && <span className="stat__detail">{detail}</span>}
      </dd>
    </div>
  );
}
