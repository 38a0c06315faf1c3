import type { AttentionItem } from '@pathfinder/metrics';
import { formatCount } from '../format/format-number.ts';
import { AREA_TYPE_LABELS } from './area-type-labels.ts';
import { AttentionLink } from './attention-link.tsx';
import { valueAgainstBenchmark } from './attention-value.ts';
import { SeverityBadge } from './severity-badge.tsx';
import { Sparkline } from './sparkline.tsx';

/** The ranked attention list: each item's severity (icon and text), summary, value against benchmark, sparkline and deep link. */
export function AttentionList({ items }: { items: readonly AttentionItem[] }) {
  return (
    <ol className="attention-list" data-testid="attention-list">
      {items.map((item) => (
        <li key={`${item.areaCode}|${item.indicatorId}`} className={`attention-item attention-item--${item.severity}`}>
          <div className="attention-item__head">
            <SeverityBadge severity={item.severity} />
            <h3 className="attention-item__title">
              <AttentionLink link={item.link}>{item.indicatorName}: {item.areaName}</AttentionLink>
            </h3>
          </div>
          <p className="attention-item__summary">{item.summary}</p>
          <div className="attention-item__facts">
            <dl>
              <div><dt>Value</dt><dd>{valueAgainstBenchmark(item)}</dd></div>
              <div><dt>Period</dt><dd>{item.period}</dd></div>
              <div><dt>Area level</dt><dd>{AREA_TYPE_LABELS[item.areaType].one}</dd></div>
              {item.denominator !== null && <div><dt>People affected</dt><dd>{formatCount(item.denominator)}</dd></div>}
            </dl>
            <Sparkline points={item.sparkline} unit={item.unit} />
          </div>
          {item.signals.length > 1 && (
            <details className="attention-item__signals">
              <summary>All {item.signals.length} signals</summary>
              <ul>{item.signals.map((s) => <li key={s.rule}>{s.text}</li>)}</ul>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
