import type { api, JsonAnswer } from './api-client.ts';

type V1 = typeof api.api.v1;
/** The JSON a typed client call answers with on success. */
type Answer<Call extends (...args: never[]) => Promise<unknown>> = JsonAnswer<Awaited<ReturnType<Call>>>;

/** Answer types straight from the server's routes (no hand-written copies). */
export type OverviewData = Answer<V1['overview']['$get']>;
export type ValuesData = Answer<V1['indicators'][':id']['values']['$get']>;
export type TrendData = Answer<V1['indicators'][':id']['trend']['$get']>;
export type FunnelData = Answer<V1['indicators'][':id']['funnel']['$get']>;
export type InequalityData = Answer<V1['indicators'][':id']['inequality']['$get']>;
export type ProfileData = Answer<V1['areas'][':code']['profile']['$get']>;
export type ValueRow = ValuesData['rows'][number];
export type TrendPoint = TrendData['points'][number];
type CampaignListData = Answer<V1['campaigns']['$get']>;
export type CampaignDefinition = CampaignListData['campaigns'][number];
export type CampaignProgressData = Answer<V1['campaigns'][':id']['progress']['$get']>;
export type CampaignProgressRow = CampaignProgressData['rows'][number];
export type CampaignSeriesPoint = CampaignProgressRow['series'][number];
export type CampaignOutreachData = Answer<V1['campaigns'][':id']['outreach']['$get']>;
export type ItsAreaData = Answer<V1['indicators'][':id']['its']['$get']>['areas'][number];
