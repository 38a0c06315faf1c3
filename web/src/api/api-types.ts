import type { InferResponseType } from 'hono/client';
import type { api } from './api-client.ts';

type V1 = typeof api.api.v1;

/** Answer types straight from the server's routes (no hand-written copies). */
export type OverviewData = InferResponseType<V1['overview']['$get'], 200>;
export type ValuesData = InferResponseType<V1['indicators'][':id']['values']['$get'], 200>;
export type TrendData = InferResponseType<V1['indicators'][':id']['trend']['$get'], 200>;
export type FunnelData = InferResponseType<V1['indicators'][':id']['funnel']['$get'], 200>;
export type InequalityData = InferResponseType<V1['indicators'][':id']['inequality']['$get'], 200>;
export type ProfileData = InferResponseType<V1['areas'][':code']['profile']['$get'], 200>;
export type ValueRow = ValuesData['rows'][number];
export type TrendPoint = TrendData['points'][number];
type CampaignListData = InferResponseType<V1['campaigns']['$get'], 200>;
export type CampaignDefinition = CampaignListData['campaigns'][number];
export type CampaignProgressData = InferResponseType<V1['campaigns'][':id']['progress']['$get'], 200>;
export type CampaignProgressRow = CampaignProgressData['rows'][number];
export type CampaignSeriesPoint = CampaignProgressRow['series'][number];
