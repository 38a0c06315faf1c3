import { ICBS, rankOutreach, type Campaign, type CampaignOutreach, type campaignOutreachQuerySchema } from '@pathfinder/metrics';
import { campaignProgress } from './campaign-progress.ts';
import { requireProgressWithinBudget } from './campaign-progress-budget.ts';
import type { ServiceAnswer, ServiceContext, ServiceInput } from './service-context.ts';

type OutreachRequest = ServiceInput<typeof campaignOutreachQuerySchema>;

/**
 * The outreach list of a campaign: every area of a level the caller may see (under one ICB when
 * asked) ranked by the children still to vaccinate to reach the target, with its borough and ICB.
 * Its rows are the weekly progress rows (`campaignProgress`) less the series, so it publishes
 * nothing the caller could not already ask for: practices and PCNs only for tokens that see them
 * (an ics token's own ICB), boroughs outside a token's scope from the disclosure-controlled table.
 */
export async function campaignOutreach(ctx: ServiceContext, campaign: Campaign, req: OutreachRequest): Promise<ServiceAnswer<CampaignOutreach>> {
  const progressRequest = { areaType: req.level, parent: req.icb, interval: 'week', asOf: req.asOf } as const;
  requireProgressWithinBudget(ctx, campaign, progressRequest);
  const progress = await campaignProgress(ctx, campaign, progressRequest);
  const nameOf = (code: string | null) => (code === null ? null : ctx.release.areas.get(code)?.name ?? null);
  // "North East London" rather than "NHS North East London Integrated Care Board": the column is headed ICB.
  const icbNameOf = (code: string | null) => ICBS.find((i) => i.code === code)?.shortName ?? nameOf(code);
  const rows = progress.rows.map(({ series: _series, ...row }) => {
    const area = ctx.release.areas.get(row.areaCode);
    const boroughCode = area?.boroughCode ?? null;
    const icbCode = area?.icbCode ?? null;
    return { ...row, boroughCode, boroughName: nameOf(boroughCode), icbCode, icbName: icbNameOf(icbCode) };
  });
  return {
    campaign: { id: campaign.id, name: campaign.name, target: { uptake: campaign.target.uptake, by: campaign.target.by } },
    level: req.level,
    icb: req.icb ?? null,
    asOf: progress.asOf,
    rows: rankOutreach(rows, { asOf: progress.asOf, target: campaign.target }),
    disclosure: progress.disclosure,
  };
}
