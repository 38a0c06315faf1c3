import { funnelComparison, type FunnelSignificance, type Polarity } from '@pathfinder/metrics';
import { formatCount } from '../format/format-number.ts';

const practices = (n: number) => `${formatCount(n)} ${n === 1 ? 'practice' : 'practices'}`;

/**
 * The funnel's groups in words, each practice counted once: those below the funnel (beyond the 99.8%
 * limit, and the others between the 95% and 99.8% limits), those above, and those within. A count per
 * limit ("21 below the 95% limit, 16 below the 99.8% limit") reads as nested when the groups are apart.
 * @example funnelSummary(['low-99.8', 'low-95', 'none'], 'higher-better', 'London')
 * // ['2 practices below the funnel (worse than London): 1 below the 99.8% limit and 1 more between the 95% and 99.8% limits', '1 practice within the 95% limits']
 */
export function funnelSummary(significances: readonly FunnelSignificance[], polarity: Polarity, centre: string): string[] {
  const n = (s: FunnelSignificance) => significances.filter((x) => x === s).length;
  const group = (side: 'below' | 'above', beyond: number, between: number) => {
    const total = beyond + between;
    if (total === 0) return [];
    const judgement = funnelComparison(side === 'below' ? 'low-95' : 'high-95', polarity);
    const head = `${practices(total)} ${side} the funnel (${judgement} than ${centre})`;
    const beyondWords = `${side} the 99.8% limit`;
    const betweenWords = 'between the 95% and 99.8% limits';
    if (between === 0) return [`${head}, ${total === 1 ? '' : 'all '}${beyondWords}`];
    if (beyond === 0) return [`${head}, ${total === 1 ? '' : 'all '}${betweenWords}`];
    return [`${head}: ${formatCount(beyond)} ${beyondWords} and ${formatCount(between)} more ${betweenWords}`];
  };
  const within = n('none');
  return [
    ...group('below', n('low-99.8'), n('low-95')),
    ...group('above', n('high-99.8'), n('high-95')),
    ...(within > 0 ? [`${practices(within)} within the 95% limits`] : []),
  ];
}
