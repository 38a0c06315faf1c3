import type { AreaType } from '../geography/london-geography.ts';

/** What a deep link from an attention item or alert points at. */
export interface AttentionLinkTarget {
  readonly kind: 'indicator' | 'campaign';
  /** Indicator id, or campaign id when `kind` is `campaign`. */
  readonly indicatorId: string;
  readonly areaCode: string;
  readonly areaType: AreaType;
  readonly period: string;
  /** The rule id of the signal to highlight (the most severe), or null for none. */
  readonly signal: string | null;
  /** The release the item belongs to; null for the current one (the link then follows the data). */
  readonly release: string | null;
}

/**
 * The dashboard path an attention item opens: the Indicator page at the item's area and period with
 * its signal highlighted (`signal=`), or the campaign view at the area. One function for the API, the
 * feed and the web, so every copy of a link is the same link.
 * @example attentionLink({ kind: 'indicator', indicatorId: 'imm-mmr1-24m', areaCode: 'E09000012', areaType: 'borough', period: '2024/25 Q4', signal: 'worse-998', release: null })
 * // '/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&areaType=borough&area=E09000012&signal=worse-998'
 */
export function attentionLink(target: AttentionLinkTarget): string {
  const search = new Map<string, string>();
  if (target.kind === 'campaign') {
    search.set('area', target.areaCode);
  } else {
    search.set('period', target.period);
    // The Indicator page's map and chart show boroughs or ICBs; a practice or PCN opens on its borough level with the area selected.
    search.set('areaType', target.areaType === 'icb' ? 'icb' : 'borough');
    search.set('area', target.areaCode);
    if (target.signal !== null) search.set('signal', target.signal);
  }
  if (target.release !== null) search.set('release', target.release);
  const path = target.kind === 'campaign' ? `/campaigns/${encodeURIComponent(target.indicatorId)}` : `/indicators/${encodeURIComponent(target.indicatorId)}`;
  const query = [...search].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${path}?${query}`;
}
