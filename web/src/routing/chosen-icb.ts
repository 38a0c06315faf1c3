import { redirect, type SearchMiddleware } from '@tanstack/react-router';
import { BOROUGHS, ICBS, LONDON, type Session } from '@pathfinder/metrics';

const ICB_CODES: ReadonlySet<string> = new Set(ICBS.map((i) => i.code));

/**
 * The one ICB a URL's `icb` names, or undefined: Explore's `icb` is a list, and only a list of one
 * ICB is a choice the other views can follow; the Campaign's outreach list takes London's code too.
 */
export function chosenIcb(value: unknown): string | undefined {
  return typeof value === 'string' && ICB_CODES.has(value) ? value : undefined;
}

/**
 * The root route's search middleware: a link that does not set `icb` keeps the ICB the user chose,
 * on every view (one that lists areas filters them by it, the others pass it on), so the choice
 * follows the user through drill-downs and Back. A link that sets `icb` (even to nothing) wins.
 */
export const retainIcb: SearchMiddleware<Record<string, unknown>> = ({ search, next }) => {
  const result = next(search);
  if ('icb' in result) return result;
  const icb = chosenIcb(search.icb);
  return icb ? { ...result, icb } : result;
};

/**
 * The Overview's `beforeLoad` for links written when its ICB was `parent`: the same page, with the
 * ICB as `icb` (which every later link keeps), in place of the old address.
 */
export function renameOverviewParent({ search }: { search: { parent?: string | undefined; icb?: string | undefined } }): void {
  if (search.parent === undefined) return;
  const { parent, ...rest } = search;
  throw redirect({ to: '/', search: { ...rest, icb: rest.icb ?? parent, parent: undefined }, replace: true });
}

/** The ICB a session's views start on: an ICS token's own; none (all London) for the region, an admin or the public. */
export const sessionIcb = (session: Pick<Session, 'role' | 'icb'>): string | undefined => (session.role === 'ics' ? chosenIcb(session.icb) : undefined);

/** North East London: the Practices view's ICB when neither the URL nor the token names one (as it always was). */
const FIRST_PRACTICE_ICB = 'E54000029';

/** The ICB whose practices the Practices view shows: the URL's, else the token's own, else North East London. */
export const practicesIcb = (icb: string | undefined, session: Pick<Session, 'role' | 'icb'> | undefined): string =>
  chosenIcb(icb) ?? (session && sessionIcb(session)) ?? FIRST_PRACTICE_ICB;

/**
 * An area chosen where a view picks one (London, an ICB or a borough), written so the ICB follows the
 * user: an ICB becomes the chosen ICB, a borough is the area within its ICB, London clears the ICB.
 */
export function areaChoice(code: string): { area: string | undefined; icb: string | undefined } {
  if (chosenIcb(code)) return { area: undefined, icb: code };
  const borough = BOROUGHS.find((b) => b.code === code);
  if (borough) return { area: code, icb: borough.parent };
  return { area: code === LONDON.code ? undefined : code, icb: undefined };
}

/** The area a view with an area choice shows: the URL's area, else the chosen ICB, else London. */
export const shownArea = (search: { area?: string | undefined; icb?: string | undefined }): string => search.area ?? chosenIcb(search.icb) ?? LONDON.code;
