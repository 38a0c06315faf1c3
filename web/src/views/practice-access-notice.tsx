import { useId } from 'react';
import type { Icb } from '@pathfinder/metrics';
import { apiProblem } from '../api/api-problem.ts';
import { Link, href } from '../routing/router.tsx';

/** Why practice figures are not shown (no token, a refused token, or a token for another ICB) and what to do instead of an error. */
export function PracticeAccessNotice({ error, icb, indicatorId }: { error: Error; icb: Icb; indicatorId: string }) {
  const headingId = useId();
  const { status, code, detail } = apiProblem(error);
  const refusedToken = code === 'invalid_token';
  const otherIcb = status === 403;
  return (
    <section className="panel access-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{refusedToken ? 'Your access token was not accepted' : otherIcb ? `Your access token does not cover ${icb.shortName}` : 'Practice-level data needs an access token'}</h2>
      {refusedToken ? (
        <p>The server said: “{detail ?? 'invalid token'}”. Choose <strong>Remove access token</strong> in the header, then <strong>Use an access token</strong> to paste a current one.</p>
      ) : otherIcb ? (
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
        Borough, ICB and London figures need no token: see the <Link to={href(`/indicators/${indicatorId}`, { areaType: 'icb', area: icb.code })}>indicator page</Link> or the <Link to="/">overview</Link>.
      </p>
    </section>
  );
}
