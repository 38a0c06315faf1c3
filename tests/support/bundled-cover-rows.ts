import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDICATORS } from '@pathfinder/metrics';
import { parseCsvText } from '@pathfinder/fixtures';
import { num } from '../../metrics/test/reference.ts';

// The bundled open data the published release is built from, read here as plain CSV (fixtures/data/published).
const BUNDLED = path.resolve(fileURLToPath(import.meta.url), '../../../fixtures/data/published');
export const COVER_UTLA_CSV = 'cover_london_utla_quarterly_2018-19_to_2024-25.csv';
export const COVER_TOTALS_CSV = 'cover_england_london_totals_quarterly_2018-19_to_2024-25.csv';

/** A row of a bundled COVER file, its measure named by the catalogue indicator whose `coverMeasure` it is. */
export interface CoverFileRow {
  period: string;
  areaCode: string;
  indicatorId: string;
  numerator: number | null;
  denominator: number | null;
  /** `value_note` ('' when the file has none or no such column). */
  note: string;
}

/** Every row of a bundled COVER file, in file order. */
export async function readBundledCover(file: string): Promise<CoverFileRow[]> {
  const [header, ...records] = parseCsvText(await readFile(path.join(BUNDLED, file), 'utf8')).map((r) => r.fields);
  const col = (name: string) => header!.indexOf(name);
  const indicatorOf = new Map<string, string>(INDICATORS.filter((i) => i.coverMeasure).map((i) => [i.coverMeasure!, i.id]));
  return records.map((r) => ({
    period: r[col('period')]!,
    areaCode: r[col('area_code')]!,
    indicatorId: indicatorOf.get(r[col('measure')]!) ?? `unmapped ${r[col('measure')]}`,
    numerator: num(r[col('numerator')]),
    denominator: num(r[col('denominator')]),
    note: col('value_note') >= 0 ? r[col('value_note')]! : '',
  }));
}

/** Rows grouped by indicator × period ("<indicator>|<period>"), in file order. */
export function byIndicatorPeriod(rows: readonly CoverFileRow[]): Map<string, CoverFileRow[]> {
  const out = new Map<string, CoverFileRow[]>();
  for (const r of rows) out.set(`${r.indicatorId}|${r.period}`, [...(out.get(`${r.indicatorId}|${r.period}`) ?? []), r]);
  return out;
}
