import { ICBS, type IndicatorValueRow } from '@pathfinder/metrics';

const icbName = new Map(ICBS.map((i) => [i.code, i.shortName]));
const fmt = (v: number | null, digits = 1) => (v === null ? '–' : v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** Value, 95% confidence interval and counts per area, in the order the API gives. */
export function ValuesTable({ rows, unit }: { rows: readonly IndicatorValueRow[]; unit: string }) {
  if (rows.length === 0) return <p>No values for this period.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Values by borough">
      <table className="data-table">
        <caption className="visually-hidden">Value with 95% confidence interval for each borough</caption>
        <thead>
          <tr>
            <th scope="col">Borough</th>
            <th scope="col">ICB</th>
            <th scope="col" className="num">Value ({unit})</th>
            <th scope="col" className="num">95% CI</th>
            <th scope="col" className="num">Numerator</th>
            <th scope="col" className="num">Denominator</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.areaCode} data-area-code={r.areaCode}>
              <th scope="row">{r.areaName}</th>
              <td>{r.parentCode ? icbName.get(r.parentCode) ?? r.parentCode : '–'}</td>
              <td className="num">{fmt(r.value)}</td>
              <td className="num">{r.lower95 === null ? '–' : `${fmt(r.lower95)} – ${fmt(r.upper95)}`}</td>
              <td className="num">{fmt(r.numerator, 0)}</td>
              <td className="num">{fmt(r.denominator, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
