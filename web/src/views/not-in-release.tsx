import { Link } from '@tanstack/react-router';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { releaseLabel } from '../api/release-offer.ts';

/** A page asked for something the release shown does not have: says so, and links to an indicator it has (or the overview). */
export function NotInRelease({ what }: { what: string }) {
  const { release, offer } = useChosenRelease();
  const instead = offer.indicators.find((i) => i.id === 'imm-mmr1-24m') ?? offer.indicators[0];
  return (
    <div data-testid="not-in-release">
      <h1>Not in this data source</h1>
      <p>{releaseLabel(release)} (release {release.id}) has no data for {what}.</p>
      <p>
        {instead ? <>Open <Link to="/indicators/$id" params={{ id: instead.id }}>{instead.name}</Link>, which it has, </> : 'Open '}
        or start from the <Link to="/">overview</Link>. The data source switch at the top of the page offers the other releases.
      </p>
    </div>
  );
}
