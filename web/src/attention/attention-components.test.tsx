import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { attentionItemSchema, attentionLink, type AttentionItem } from '@pathfinder/metrics';
import { DataTable, tableCsv } from '../components/data-table.tsx';
import { ATTENTION_COLUMNS } from './attention-columns.ts';
import { attentionHref } from './attention-href.ts';
import { valueAgainstBenchmark } from './attention-value.ts';
import { SeverityCounts } from './severity-counts.tsx';
import { signalsColumns } from './signals-columns.tsx';
import { Sparkline, sparklineCoords, sparklinePath, sparklineText } from './sparkline.tsx';

/** An item as GET /attention answers it, checked against the answer's schema. */
const item = (over: Partial<AttentionItem> = {}): AttentionItem =>
  attentionItemSchema.parse({
    areaCode: 'E09000012', areaName: 'Hackney', areaType: 'borough', indicatorId: 'imm-mmr1-24m', kind: 'indicator', indicatorName: 'MMR1 at 24 months', domain: 'immunisation',
    period: '2024/25 Q4', severity: 'act',
    signals: [{ rule: 'worse-998', severity: 'act', text: 'Significantly worse than London (99.8% confidence)' }, { rule: 'trend-worsening', severity: 'watch', text: 'Getting worse over the last 5 quarters (recent trend)' }],
    summary: 'MMR1 at 24 months in Hackney fell for 7 quarters in a row (special cause); 64.8% against London 82.0%.',
    value: 64.8, unit: '%', denominator: 3120, benchmark: { label: 'London', value: 82, comparison: 'much-worse' },
    variation: 'concern', assurance: 'fail', recentTrend: 'decreasing-getting-worse',
    sparkline: [{ period: '2024/25 Q1', value: 70.2 }, { period: '2024/25 Q2', value: null }, { period: '2024/25 Q3', value: 66.1 }, { period: '2024/25 Q4', value: 64.8 }],
    link: attentionLink({ kind: 'indicator', indicatorId: 'imm-mmr1-24m', areaCode: 'E09000012', areaType: 'borough', period: '2024/25 Q4', signal: 'worse-998', release: 'synthetic-2025-03' }),
    ...over,
  });

describe('sparkline', () => {
  it('leaves a gap for a period without a value and spans the height between the lowest and highest value', () => {
    const coords = sparklineCoords(item().sparkline, 120, 32);
    expect(coords[1]).toBeNull();
    expect(coords[0]).toEqual({ x: 3, y: 3 }); // the highest value at the top
    expect(coords[3]?.y).toBeCloseTo(29); // the lowest at the bottom
    // Q3: x = 3 + 2 × 114 / 3 = 79; y = 29 − (66.1 − 64.8) × 26 / 5.4 = 22.74.
    expect(sparklinePath(coords)).toBe('M3.0,3.0M79.0,22.7L117.0,29.0');
  });

  it('has a text alternative naming the first, last, lowest and highest values', () => {
    expect(sparklineText(item().sparkline, '%')).toBe('2024/25 Q1 to 2024/25 Q4: from 70.2% to 64.8%, lowest 64.8%, highest 70.2%');
    const html = renderToStaticMarkup(<Sparkline points={item().sparkline} unit="%" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Trend 2024/25 Q1 to 2024/25 Q4');
    expect(sparklineText([{ period: 'Q1', value: null }], '%')).toBe('no values to draw');
  });
});

describe('an attention item', () => {
  it('states its value against the benchmark in words', () => {
    expect(valueAgainstBenchmark(item())).toBe('64.8% against London 82.0%, worse (99.8%)');
    expect(valueAgainstBenchmark(item({ benchmark: null, value: 12.5, unit: 'per 1,000' }))).toBe('12.5 per 1,000');
  });

  it("opens the API's deep link in the release the user chose, or the current one", () => {
    const { link } = item();
    expect(attentionHref(link, undefined)).toBe('/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&areaType=borough&area=E09000012&signal=worse-998');
    expect(attentionHref(link, 'published-2025-06')).toBe('/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&areaType=borough&area=E09000012&signal=worse-998&release=published-2025-06');
  });

  it('lists every figure, its signals and its trend values in the CSV', () => {
    const csv = tableCsv(ATTENTION_COLUMNS, [item()]);
    expect(csv.split('\n')[0]).toContain('Severity');
    expect(csv).toContain('Act');
    expect(csv).toContain('3120');
    expect(csv).toContain('2024/25 Q2: no value');
    expect(csv).toContain('Significantly worse than London (99.8% confidence); Getting worse');
  });
});

describe('severity counts', () => {
  it('gives each severity its number, label and meaning, most urgent first', () => {
    const html = renderToStaticMarkup(<SeverityCounts counts={{ act: 3, watch: 12, improving: 1, ok: 240 }} />);
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/3 Act a real, material problem.*12 Watch.*1 Improving.*240 No concern/);
  });
});

describe('signals summary table', () => {
  it('labels variation and assurance in words beside their icons, and says when there is none', () => {
    const rows = [item(), item({ indicatorId: 'asthma-x', indicatorName: 'Asthma reviews', variation: null, assurance: null, severity: 'ok', signals: [] })];
    const columns = signalsColumns((i) => <a href={i.link}>{i.indicatorName}</a>);
    const html = renderToStaticMarkup(<DataTable caption="Signals" columns={columns} rows={rows} rowKey={(i) => i.indicatorId} />);
    expect(html).toContain('<a href="/indicators/imm-mmr1-24m?');
    expect(tableCsv(columns, rows).split('\n')[0]).toBe('Indicator,Domain,Period,Value,Benchmark,Variation,Assurance,Severity');
    expect(html).toContain('Special cause variation: concern');
    expect(html).toContain('Assurance: the process will consistently fail the target');
    expect(html).toContain('Too few periods for SPC');
    expect(html).toContain('No target');
    expect(html).toContain('No concern');
    expect(html.match(/class="spc-icon"/g)).toHaveLength(2);
  });
});
