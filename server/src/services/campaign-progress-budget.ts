import { campaignOpens, type Campaign } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { visibleLevelAreas } from './area-access.ts';
import type { CampaignProgressRequest } from './campaign-progress.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * Series points (areas × groups × intervals) one progress answer may hold. Shaping an answer runs
 * on the event loop and grows with its points, so the bound is checked before any work: about
 * 2.5 MB of JSON for the public (every London borough daily, or an ICB's boroughs daily by group),
 * about 9 MB for a token (an ICB's practices daily).
 */
const SERIES_POINT_BUDGET = { public: 40_000, token: 150_000 } as const;

/** Groups a breakdown is expected to have: five quintiles or five ethnic groups, and "not recorded". */
const GROUPS_PER_BREAKDOWN = 6;
const DAY_MS = 86_400_000;

/**
 * Refuses (422 `answer_too_large`) a progress request whose answer would hold more series points
 * than the caller's budget, naming the parameters that make it smaller. An upper estimate: every
 * visible area of the level, the whole campaign up to `asOf` (default its end or the data's end).
 */
export function requireProgressWithinBudget(ctx: ServiceContext, campaign: Campaign, req: CampaignProgressRequest): void {
  const areas = visibleLevelAreas(ctx, req.areaType, req.parent).length;
  const groups = req.breakdown ? GROUPS_PER_BREAKDOWN : 1;
  const dataAsAt = ctx.release.manifest.dataAsAt;
  const asOf = req.asOf ?? (campaign.end < dataAsAt ? campaign.end : dataAsAt);
  const days = Math.floor((Date.parse(asOf) - Date.parse(campaignOpens(campaign))) / DAY_MS) + 1;
  const intervals = days > 0 ? Math.ceil(days / (req.interval === 'day' ? 1 : 7)) : 0;
  const points = areas * groups * intervals;
  const budget = ctx.caller.role === 'public' ? SERIES_POINT_BUDGET.public : SERIES_POINT_BUDGET.token;
  if (points <= budget) return;
  const narrower = [
    req.parent === undefined ? 'parent (an ICB or borough code)' : null,
    req.interval === 'day' ? 'interval=week' : null,
    req.breakdown ? 'no breakdown' : null,
    'an earlier asOf',
  ].filter((x) => x !== null);
  throw new ApiError(422, 'answer_too_large', `this answer would hold about ${points.toLocaleString('en-GB')} series points (${areas} ${req.areaType} areas × ${groups} groups × ${intervals} intervals); ${ctx.caller.role === 'public' ? 'public answers' : 'answers'} hold at most ${budget.toLocaleString('en-GB')}: ask for less with ${narrower.join(', or ')}`);
}
