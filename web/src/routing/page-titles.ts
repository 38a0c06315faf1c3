import { CAMPAIGNS, findIndicator, type Domain } from '@pathfinder/metrics';
import { DOMAIN_LABELS } from '../components/domain-labels.ts';
import { areaLabel } from '../components/london-areas.ts';

/** What a page's title is made from: the route's path parameters and its (validated) search. */
export interface TitleSource {
  readonly params: Readonly<Record<string, string>>;
  readonly search: Readonly<Record<string, unknown>>;
}

// Each title names what the page shows, most specific first, so a tab list, a history list or a
// screen reader's page announcement tells pages apart (WCAG 2.4.2): "MMR1 at 24 months, Hackney – Indicator".
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

export const overviewTitle = ({ search }: TitleSource) => `${joined(DOMAIN_LABELS[search.domain as Domain], text(search.icb) && areaLabel(text(search.icb)!))} – Overview`;

export const indicatorTitle = ({ params, search }: TitleSource) => `${joined(findIndicator(params.id ?? '')?.name ?? params.id, areaLabel(text(search.area) ?? text(search.icb) ?? 'E12000007'))} – Indicator`;

export const areaProfileTitle = ({ params }: TitleSource) => `${areaLabel(params.code ?? '')} – Area profile`;

export const practicesTitle = ({ search }: TitleSource) => `${joined(findIndicator(text(search.indicator) ?? '')?.shortName, text(search.icb) && areaLabel(text(search.icb)!))} – Practices`;

export const inequalitiesTitle = ({ search }: TitleSource) => `${joined(findIndicator(text(search.indicator) ?? '')?.shortName, areaLabel(text(search.area) ?? text(search.icb) ?? 'E12000007'), text(search.by) && `by ${text(search.by)}`)} – Inequalities`;

export const campaignTitle = ({ params }: TitleSource) => `${CAMPAIGNS.find((c) => c.id === params.id)?.name ?? params.id} – Campaign`;
