import type { Indicator } from '@pathfinder/metrics';

const METHOD_TEXT: Record<Indicator['method'], string> = {
  'wilson-proportion': 'Proportion with Wilson score confidence intervals (OHID Technical Guide)',
  'byar-rate': 'Crude rate with exact (fewer than 10 events) or Byar’s confidence intervals (OHID Technical Guide)',
  'dobson-dsr': 'Directly standardised rate (European Standard Population 2013) with Dobson confidence intervals',
  ratio: 'Ratio of observed to expected with exact or Byar’s confidence intervals on the observed count',
  mean: 'Mean with t-distribution confidence interval',
};
const POLARITY_TEXT: Record<Indicator['polarity'], string> = { 'higher-better': 'Higher is better', 'lower-better': 'Lower is better', 'no-judgement': 'No judgement (higher or lower is neither better nor worse)' };

/** The indicator's definition: what is counted, how, against which targets, and its caveats. */
export function IndicatorDefinition({ indicator }: { indicator: Indicator }) {
  return (
    <section className="panel definition" aria-labelledby="definition-title">
      <h2 id="definition-title">Definition</h2>
      <dl>
        <dt>Numerator</dt><dd>{indicator.definition.numerator}</dd>
        <dt>Denominator</dt><dd>{indicator.definition.denominator}</dd>
        <dt>Unit</dt><dd>{indicator.unit}</dd>
        <dt>Method</dt><dd>{METHOD_TEXT[indicator.method]}</dd>
        <dt>Polarity</dt><dd>{POLARITY_TEXT[indicator.polarity]}</dd>
        <dt>Targets</dt>
        <dd>{indicator.targets.length === 0 ? 'None published' : <ul>{indicator.targets.map((t) => <li key={t.label}>{t.label}{t.from || t.until ? ` (${t.from ?? '…'} to ${t.until ?? '…'})` : ''}. Source: {t.source}</li>)}</ul>}</dd>
        <dt>Frequency</dt><dd>{indicator.frequency}</dd>
        <dt>Source</dt><dd>{indicator.source.url ? <a href={indicator.source.url}>{indicator.source.name}</a> : indicator.source.name}{indicator.fingertipsId ? `, Fingertips indicator ${indicator.fingertipsId}` : ''}</dd>
        {indicator.coverMeasure && <><dt>COVER measure</dt><dd data-testid="cover-measure">{indicator.coverMeasure} (the measure’s name in UKHSA’s COVER tables, to join these figures to them)</dd></>}
        {indicator.caveats.length > 0 && <><dt>Caveats</dt><dd><ul data-testid="caveats">{indicator.caveats.map((c) => <li key={c}>{c}</li>)}</ul></dd></>}
      </dl>
    </section>
  );
}
