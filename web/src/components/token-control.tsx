import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { accessToken } from '../api/access-token.ts';
import { sessionQueries } from '../api/queries.ts';
import { sessionIcb } from '../routing/chosen-icb.ts';

/** Lets an ICS or regional user paste the access token that unlocks practice-level data for this tab. */
export function TokenControl() {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const signedIn = accessToken.get() !== null;
  const client = useQueryClient();
  const id = useId();
  const navigate = useNavigate();
  const pathname = useLocation({ select: (l) => l.pathname });
  const apply = (token: string | null) => {
    accessToken.set(token);
    setOpen(false);
    setValue('');
    void client.invalidateQueries();
    // Signing in on the front page takes the user to their first page, what needs their attention, on
    // the token's own scope (an ICS token's ICB); a refused token's Attention page says why.
    if (token && pathname === '/') {
      void client.fetchQuery(sessionQueries.caller()).then(
        (session) => navigate({ to: '/attention', search: { icb: sessionIcb(session) } }),
        () => navigate({ to: '/attention' }),
      );
    }
  };
  if (signedIn) {
    return <button type="button" className="nhsuk-button nhsuk-button--reverse nhsuk-button--small" onClick={() => apply(null)}>Remove access token</button>;
  }
  return open ? (
    <form className="token-form" onSubmit={(e) => { e.preventDefault(); if (value.trim()) apply(value.trim()); }}>
      <label className="nhsuk-label" htmlFor={id}>Access token</label>
      <input className="nhsuk-input" id={id} type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="nhsuk-button nhsuk-button--reverse nhsuk-button--small">Use token</button>
    </form>
  ) : (
    <button type="button" className="nhsuk-button nhsuk-button--reverse nhsuk-button--small" onClick={() => setOpen(true)}>Use an access token</button>
  );
}
