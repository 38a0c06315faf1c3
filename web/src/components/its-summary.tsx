import type { Indicator, ItsOverSeries } from '@pathfinder/metrics';
import { itsSentence, measureNoun } from '../charts/its-sentence.ts';
import { ITS_COLOURS } from '../theme/comparison-colours.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import '../theme/its.css';

/** A line sample for the text legend: the same stroke and dash as on the chart. */
const Swatch = ({ colour, dash, vertical = false }: { colour: string; dash?: string; vertical?: boolean }) => (
  <svg width="32" height="12" aria-hidden="true" focusable="false" className="its-legend__swatch">
    {vertical ? <line x1="16" y1="0" x2="16" y2="12" stroke={colour} strokeWidth="2" /> : <line x1="0" y1="6" x2="32" y2="6" stroke={colour} strokeWidth="2.5" strokeDasharray={dash} />}
  </svg>
);

/**
 * The interrupted time series in words beside the trend: one sentence with the level and slope
 * change, how it was fitted, the periods left out, warnings (few points, autocorrelated residuals)
 * and a text legend of the lines; or, when it cannot be fitted, why.
 */
export function ItsSummary({ indicator, intervention, its }: { indicator: Indicator; intervention: string; its: ItsOverSeries }) {
  const dropped = its.dropped.length > 0 && (
    <p className="its-summary__dropped">Periods without a value are left out of the model ({its.dropped.join(', ')}): it counts only the periods with a value.</p>
  );
  if (!its.fitted) {
    return (
      <div className="its-summary" data-testid="its-summary">
        <div className="its-warning" role="status"><p>The interrupted time series cannot be fitted with the intervention at {intervention}: {its.reason}.</p></div>
        {dropped}
      </div>
    );
  }
  const { fit } = its;
  return (
    <div className="its-summary" data-testid="its-summary">
      <p className="its-summary__sentence" data-testid="its-sentence">
        <strong>{itsSentence({ intervention, measure: measureNoun(indicator), unit: indicator.unit, frequency: indicator.frequency, levelChange: fit.levelChange, slopeChange: fit.slopeChange })}</strong>
      </p>
      <p className="its-summary__method">
        Segmented regression over {fit.n} periods ({its.before} before {intervention}, {its.after} from it), with Newey–West standard errors (up to {fit.maxlags} lags) and 95% confidence intervals. SPC lines are hidden while it is shown.
      </p>
      {dropped}
      {its.warnings.length > 0 && (
        <div className="its-warning" role="status">
          {its.warnings.map((w) => <p key={w.code}><strong>Caution: </strong>{w.message}</p>)}
        </div>
      )}
      <ul className="its-legend" aria-label="Lines of the interrupted time series">
        <li><Swatch colour={ITS_COLOURS.fitted} />Fitted segments (solid orange)</li>
        <li><Swatch colour={ITS_COLOURS.counterfactual} dash="8 5" />Counterfactual: the pre-intervention trend continued (dashed purple)</li>
        <li><Swatch colour={CHART_COLOURS.ink} vertical />Intervention: {intervention}</li>
      </ul>
    </div>
  );
}
