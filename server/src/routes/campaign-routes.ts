import { createRoute } from '@hono/zod-openapi';
import { campaignIdParamSchema, campaignListSchema, campaignProgressQuerySchema, campaignProgressSchema } from '@pathfinder/metrics';
import { campaignProgress } from '../services/campaign-progress.ts';
import { requireProgressWithinBudget } from '../services/campaign-progress-budget.ts';
import { findReleaseCampaign, releaseCampaigns } from '../services/release-campaigns.ts';
import { COMMON_ERRORS, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { csvResponse, releaseMeta, serviceContext } from './respond.ts';

const listRoute = createRoute({
  method: 'get', path: '/campaigns', tags: ['Campaigns'], summary: 'Vaccination campaigns with their full definitions',
  description: 'The built-in campaigns, plus any in campaigns.json in the data directory and then in the release folder (same schema; a campaign with the same id replaces the earlier one).',
  responses: { 200: { description: 'Every campaign of the current release', content: { 'application/json': { schema: campaignListSchema } } }, 400: COMMON_ERRORS[400], 500: problem('A campaigns.json file is invalid (the problem says where)') },
});

const progressRoute = createRoute({
  method: 'get', path: '/campaigns/{id}/progress', tags: ['Campaigns'],
  summary: 'Campaign progress per area: uptake among the eligible, trajectory, gap to target, run rates and the series',
  description: 'Derived from event data. Intervals end on asOf and every week (or day) before it back to the opening, so the latest is always whole. A child counts once, at its first counting dose. With breakdown=deprivation|ethnicity: one row per area and group, disclosure-controlled across both (groups add up to the area, areas to their parent). With format=csv: one row per area (and group) without the series.',
  request: { params: campaignIdParamSchema, query: campaignProgressQuerySchema },
  responses: {
    200: jsonOrCsv(campaignProgressSchema, 'One row per area with its series'),
    ...COMMON_ERRORS,
    404: problem('Unknown campaign or parent area, or the release has no event data (code no_event_data)'),
    422: problem('The campaign opens after the release’s data ends, or the answer would be larger than the caller’s budget (code answer_too_large, naming the parameters that make it smaller)'),
  },
});

export const campaignRoutes = routesApp()
  .openapi(listRoute, async (c) => c.json({ meta: releaseMeta(c), campaigns: (await releaseCampaigns(c.var.release)).map((x) => ({ ...x })) }, 200))
  .openapi(progressRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const ctx = serviceContext(c);
    const campaign = await findReleaseCampaign(ctx, c.req.valid('param').id);
    requireProgressWithinBudget(ctx, campaign, query);
    const { disclosure, ...body } = await campaignProgress(ctx, campaign, query);
    if (format === 'csv') {
      const rows = body.rows.map(({ series: _series, group, groupLabel, ...row }) => (body.breakdown ? { ...row, group, groupLabel } : row));
      return csvResponse(c, `${body.campaign.id}-progress-${body.areaType}${body.breakdown ? `-by-${body.breakdown}` : ''}`, rows, { 'Campaign ID': body.campaign.id, 'As of': body.asOf });
    }
    return c.json({ meta: releaseMeta(c, disclosure), ...body }, 200);
  });
