import type { FunnelCentre, Indicator, PracticeFunnelCentre } from '@pathfinder/metrics';

/** The centre the Practices page draws: the URL's choice, or London when it asks for the target of an indicator that has none. */
export const practiceCentre = (indicator: Indicator, chosen: PracticeFunnelCentre): PracticeFunnelCentre => (chosen === 'target' && indicator.targets.length === 0 ? 'london' : chosen);

/** The API's centre for the page's: the ICB's own is the pooled average of its practices. */
export const funnelCentreOf = (centre: PracticeFunnelCentre): FunnelCentre => (centre === 'icb' ? 'pooled' : centre);

/** What a practice's trend is compared with: its ICB when the funnel is centred on the ICB, otherwise London (the target is drawn on every trend). */
export const trendComparatorOf = (centre: PracticeFunnelCentre, icbCode: string): string => (centre === 'icb' ? icbCode : 'london');
