import { BOROUGHS, LONDON, type Session } from '@pathfinder/metrics';

/**
 * Whether the caller sees an area's exact campaign counts, as the server decides (`seesUnrounded`):
 * only then may the view ask for what the public table does not publish, a breakdown by group
 * below London or daily intervals, so it never sends a request that would be refused.
 * @example seesExactCampaignCounts({ role: 'ics', icb: 'E54000029', areaTypes: [] }, 'E09000012') // true (Hackney is in North East London)
 */
export function seesExactCampaignCounts(session: Session | undefined, areaCode: string): boolean {
  if (!session) return false;
  if (session.role === 'region' || session.role === 'admin') return true;
  if (session.role !== 'ics' || session.icb === null || areaCode === LONDON.code) return false;
  return areaCode === session.icb || BOROUGHS.some((b) => b.code === areaCode && b.parent === session.icb);
}

/** Daily intervals: the campaign view asks for London and every borough, so only a caller who sees them all exactly. */
export const mayAskDaily = (session: Session | undefined): boolean => seesExactCampaignCounts(session, LONDON.code);
