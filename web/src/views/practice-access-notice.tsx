import { useId } from 'react';
import type { Icb } from '@pathfinder/metrics';
import type { PracticeRefusal } from '../api/practice-access.ts';
import { Link } from '@tanstack/react-router';


/** Why practice figures are not shown (no token, a refused token, or a token for another ICB) and what to do instead of an error. */
export function PracticeAccessNotice({ refusal, icb, indicatorId }: { refusal: PracticeRefusal; icb: Icb; indicatorId: string }) {
  const headingId = useId();
  return (
    <section className="nhsuk-card nhsuk-card--warning access-notice" aria-labelledby={headingId} data-testid="practice-access-notice">
      <div className="nhsuk-card__content">
        <h2 id={headingId} className="nhsuk-card__heading">
        {refusal.reason === 'token-refused' ? 'Your access token was not accepted' : refusal.reason === 'other-icb' ? `Your access token does not cover ${icb.shortName}` : 'Practice-level data needs an access token'}
      </h2>
      {refusal.reason === 'token-refused' ? (
        <p>The server said: “{refusal.detail ?? 'invalid token'}”. Choose <strong>Remove access token</strong> in the header, then <strong>Use an access token</strong> to paste a current one.</p>
      ) : refusal.reason === 'other-icb' ? (
        <p>An ICS token shows the practices of its own ICB only. Choose your ICB above, or use a regional token to see every London practice.</p>
      ) : (
        <>
          <p>
            Figures for individual GP practices are shown only to NHS analysts with an <strong>ICS</strong> access token (practices in their own ICB) or a <strong>regional</strong> access token (every London practice),
            because counts for small practices could identify patients.
          </p>
          <p>If you have a token, choose <strong>Use an access token</strong> in the header and paste it; this page then loads the practices.</p>
        </>
      )}
      <p>
        Borough, ICB and London figures need no token: see the <Link to="/indicators/$id" params={{ id: indicatorId }} search={{ areaType: 'icb', area: icb.code }}>indicator page</Link> or the <Link to="/" activeOptions={{ exact: true }}>overview</Link>.
      </p>
      </div>
    </section>
  );
}
