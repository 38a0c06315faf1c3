import { campaignIdParamSchema, campaignListSchema, campaignOutreachQuerySchema, campaignOutreachSchema, campaignProgressQuerySchema, campaignProgressSchema, outreachCsv } from '@pathfinder/metrics';
import { campaignOutreach } from '../services/campaign-outreach.ts';
import { campaignProgress } from '../services/campaign-progress.ts';
import { requireProgressWithinBudget } from '../services/campaign-progress-budget.ts';
import { findReleaseCampaign, releaseCampaigns } from '../services/release-campaigns.ts';
import { apiRoute, forbidden, jsonAnswer, jsonOrCsv, problem, routesApp } from './openapi-helpers.ts';
import { answer, releaseMeta, serviceContext } from './respond.ts';
import { z } from '@hono/zod-openapi';

const listRoute = apiRoute({
  method: 'get', path: '/campaigns', tags: ['Campaigns'], summary: 'Vaccination campaigns with their full definitions',
  description: 'The built-in campaigns, plus any in campaigns.json in the data directory and then in the release folder (same schema; a campaign with the same id replaces the earlier one).',
  responses: { 200: jsonAnswer(campaignListSchema, 'Every campaign of the current release'), 500: problem('A campaigns.json file is invalid (invalid_campaigns_file, saying where), or the server could not answer (internal_error)') },
});

const progressRoute = apiRoute({
  method: 'get', path: '/campaigns/{id}/progress', tags: ['Campaigns'],
  summary: 'Campaign progress per area: uptake among the eligible, trajectory, gap to target, run rates and the series',
  description: 'Derived from event data. Intervals end on asOf and every week (or day) before it back to the opening, so the latest is always whole. A child counts once, at its first counting dose. With breakdown=deprivation|ethnicity: one row per area and group, disclosure-controlled across both (groups add up to the area, areas to their parent). With format=csv: one row per area (and group) without the series.',
  request: { params: campaignIdParamSchema, query: campaignProgressQuerySchema },
  responses: {
    200: jsonOrCsv(campaignProgressSchema, 'One row per area with its series'),
    403: forbidden('these areas, daily intervals or breakdowns'),
    404: problem('Unknown campaign (campaign_not_found) or parent area, or the release has no event data (no_event_data)'),
    422: problem('The campaign opens after the release’s data ends, or the answer would be larger than the caller’s budget (answer_too_large, naming the parameters that make it smaller)'),
  },
});

const outreachRoute = apiRoute({
  method: 'get', path: '/campaigns/{id}/outreach', tags: ['Campaigns'],
  summary: 'Where to send outreach: areas ranked by the children still to vaccinate to reach the campaign target',
  description: 'Practices, PCNs or boroughs of all London (or one ICB), each with its borough and ICB, ranked by the children still needed for the target, with the trajectory and the projection to the target date at the current rate. Weekly figures as GET /campaigns/{id}/progress gives them, less the series: practice and PCN lists need a token that sees them (an ics token lists its own ICB\'s), boroughs outside a token\'s scope are disclosure-controlled. With format=csv: a first row naming the campaign, the as-of date and the release, then the heading row.',
  request: { params: campaignIdParamSchema, query: campaignOutreachQuerySchema },
  responses: {
    200: { description: 'The ranked list', content: { 'application/json': { schema: campaignOutreachSchema }, 'text/csv': { schema: z.string() } } },
    403: forbidden('practice or PCN lists, or another ICB\'s'),
    404: problem('Unknown campaign (campaign_not_found), or the release has no event data (no_event_data)'),
    422: problem('The campaign opens after the release’s data ends, or the answer would be larger than the caller’s budget (answer_too_large)'),
  },
});

export const campaignRoutes = routesApp()
  .openapi(listRoute, async (c) => c.json({ meta: releaseMeta(c), campaigns: (await releaseCampaigns(c.var.release)).map((x) => ({ ...x })) }, 200))
  .openapi(progressRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const ctx = serviceContext(c);
    const campaign = await findReleaseCampaign(ctx, c.req.valid('param').id);
    requireProgressWithinBudget(ctx, campaign, query);
    return answer(c, format, await campaignProgress(ctx, campaign, query), (body) => ({
      name: `${body.campaign.id}-progress-${body.areaType}${body.breakdown ? `-by-${body.breakdown}` : ''}`,
      rows: body.rows.map(({ series: _series, group, groupLabel, ...row }) => (body.breakdown ? { ...row, group, groupLabel } : row)),
      leading: { 'Campaign ID': body.campaign.id, 'As of': body.asOf },
    }));
  })
  .openapi(outreachRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const ctx = serviceContext(c);
    const campaign = await findReleaseCampaign(ctx, c.req.valid('param').id);
    const { disclosure, ...list } = await campaignOutreach(ctx, campaign, query);
    if (format === 'json') return c.json({ meta: releaseMeta(c, disclosure), ...list }, 200);
    const release = c.var.release.manifest;
    const name = `${campaign.id}-outreach-${list.level}${list.icb ? `-${list.icb}` : ''}-${list.asOf}`;
    return c.body(outreachCsv(list, release), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
  });
