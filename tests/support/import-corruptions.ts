import fc from 'fast-check';
import type { ImportFormat } from '@pathfinder/fixtures';
import { VALID_IMPORT_FILES, csvText, type CsvTable } from './valid-import-files.ts';

/** A valid import file after a few corruptions: its bytes and what was done to it, for failure messages. */
export interface CorruptedFile {
  readonly format: ImportFormat;
  readonly steps: readonly string[];
  readonly bytes: Buffer;
}

/** One corruption: the changed input and what was changed (positions are known only once it is applied). */
type Step<T> = (input: T) => { readonly result: T; readonly label: string };

type Role = 'indicator' | 'area' | 'period' | 'count';

/** Which columns of each format hold an indicator, an area, a period or date, and a count. */
const ROLE_COLUMNS: Readonly<Record<ImportFormat, Readonly<Record<Role, readonly string[]>>>> = {
  tidy: { indicator: ['indicator'], area: ['area_code'], period: ['period'], count: ['numerator', 'denominator'] },
  fingertips: { indicator: ['Indicator ID'], area: ['Area Code'], period: ['Time period'], count: ['Count', 'Denominator', 'Value'] },
  events: { indicator: ['vaccine'], area: ['practice_code', 'borough_code'], period: ['birth_date', 'event_date'], count: ['dose', 'child_id', 'deprivation_quintile'] },
};

/** The column that must not exceed another: numerator ≤ denominator, or (events) event date ≥ birth date. */
const BOUNDED: Readonly<Record<ImportFormat, readonly [string, string]>> = {
  tidy: ['numerator', 'denominator'],
  fingertips: ['Count', 'Denominator'],
  events: ['event_date', 'birth_date'],
};

const BAD_VALUES: Readonly<Record<Role, readonly string[]>> = {
  indicator: ['24m_MMR9', 'imm-mmr1', '99999', '30309.5', 'MMR', 'hexavalent2', "x'); DROP TABLE observations; --"],
  area: ['E09999999', 'E0900000', 'e09000007', 'London', 'E38000010', 'F8400', 'SYN99999'],
  period: ['2023/24 Q5', '2023/25', '23/24 Q1', '2023-24 Q4', '2023/24 Q0', '2023-02-30', '2023/01/01', '20230101', 'Q4 2023/24'],
  count: ['-3', '61.5', '1e3', '99999999999999999999', '9007199254740993', 'NaN', '1 200', '١٢', '0x1F', 'Infinity', '+-1'],
};

/** Values that are wrong almost anywhere. */
const ANY_BAD_VALUES = ['', ' ', '"', 'null', '\u0000', 'x'.repeat(5_000), '🙂', '\t', '=1+1', 'a\nb', 'a,b'];

const INVALID_UTF8 = [[0xff], [0xc3, 0x28], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe9]];

/** `n` as a position in something of `length` (0 when it is empty). */
const at = (n: number, length: number) => n % Math.max(length, 1);
const show = (value: string) => JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);

function withField(t: CsvTable, row: number, column: number, value: string): CsvTable {
  return { ...t, rows: t.rows.map((fields, i) => (i === row ? fields.map((f, j) => (j === column ? value : f)) : fields)) };
}

function swapped(fields: readonly string[], a: number, b: number): readonly string[] {
  const out = [...fields];
  [out[a], out[b]] = [fields[b]!, fields[a]!];
  return out;
}

function dayBefore(isoDate: string, days: number): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(time) ? '1900-01-01' : new Date(time - days * 86_400_000).toISOString().slice(0, 10);
}

/** A field edit of data row `n` (modulo the rows), named by column and CSV line. */
function fieldEdit(n: number, column: (t: CsvTable) => number, value: (t: CsvTable, row: number) => string): Step<CsvTable> {
  return (t) => {
    const [row, c] = [at(n, t.rows.length), column(t)];
    if (t.rows.length === 0 || c < 0) return { result: t, label: 'no field to change' };
    const v = value(t, row);
    return { result: withField(t, row, c, v), label: `${t.header[c] ?? `column ${c + 1}`} on line ${row + 2} = ${show(v)}` };
  };
}

/** Corruptions of the rows and columns of a file of `format`. */
function tableStep(format: ImportFormat): fc.Arbitrary<Step<CsvTable>> {
  const roles = ROLE_COLUMNS[format];
  const [bounded, bound] = BOUNDED[format];
  const nat = fc.nat({ max: 1_000 });
  return fc.oneof(
    fc.tuple(fc.constantFrom(...(Object.keys(roles) as Role[])), nat, nat, nat).map(([role, row, c, v]) =>
      fieldEdit(row, (t) => t.header.indexOf(roles[role][at(c, roles[role].length)]!), () => BAD_VALUES[role][at(v, BAD_VALUES[role].length)]!)),
    fc.tuple(nat, nat, fc.constantFrom(...ANY_BAD_VALUES)).map(([row, c, value]) => fieldEdit(row, (t) => at(c, t.header.length), () => value)),
    fc.tuple(nat, fc.integer({ min: 1, max: 1_000 })).map(([row, by]): Step<CsvTable> => (t) => {
      const step = fieldEdit(row, () => t.header.indexOf(bounded), (_, r) => {
        const limit = t.rows[r]![t.header.indexOf(bound)] ?? '';
        return format === 'events' ? dayBefore(limit, by) : String((Number(limit) || 0) + by);
      })(t);
      return { ...step, label: `${bounded} past ${bound}: ${step.label}` };
    }),
    nat.map((n): Step<CsvTable> => (t) => {
      const r = at(n, t.rows.length);
      if (t.rows.length === 0) return { result: t, label: 'no row to repeat' };
      return { result: { ...t, rows: [...t.rows.slice(0, r + 1), t.rows[r]!, ...t.rows.slice(r + 1)] }, label: `line ${r + 2} repeated (duplicate key)` };
    }),
    nat.map((n): Step<CsvTable> => (t) => {
      const r = at(n, t.rows.length);
      return { result: { ...t, rows: t.rows.filter((_, i) => i !== r) }, label: `line ${r + 2} deleted` };
    }),
    fc.constant<Step<CsvTable>>((t) => ({ result: { ...t, rows: [] }, label: 'every data row deleted' })),
    fc.tuple(nat, nat).map(([a, b]): Step<CsvTable> => (t) => {
      const [i, j] = [at(a, t.header.length), at(b, t.header.length)];
      return { result: { header: swapped(t.header, i, j), rows: t.rows.map((f) => swapped(f, i, j)) }, label: `columns ${t.header[i]} and ${t.header[j]} swapped` };
    }),
    fc.tuple(nat, nat).map(([a, b]): Step<CsvTable> => (t) => {
      const [i, j] = [at(a, t.header.length), at(b, t.header.length)];
      return { result: { ...t, header: swapped(t.header, i, j) }, label: `header names ${t.header[i]} and ${t.header[j]} swapped, not their data` };
    }),
    nat.map((n): Step<CsvTable> => (t) => {
      const c = at(n, t.header.length);
      return { result: { header: [...t.header, t.header[c]!], rows: t.rows.map((f) => [...f, f[c] ?? '']) }, label: `column ${t.header[c]} duplicated` };
    }),
    nat.map((n): Step<CsvTable> => (t) => {
      const c = at(n, t.header.length);
      const drop = (f: readonly string[]) => f.filter((_, i) => i !== c);
      return { result: { header: drop(t.header), rows: t.rows.map(drop) }, label: `column ${t.header[c]} deleted` };
    }),
    nat.map((n): Step<CsvTable> => (t) => {
      const c = at(n, t.header.length);
      return { result: { ...t, header: t.header.filter((_, i) => i !== c) }, label: `header name ${t.header[c]} deleted, not its data` };
    }),
    fc.tuple(nat, fc.constantFrom('', 'Indicator', ' area code', 'PERIOD', 'numerator ', 'count_', '\ufeffchild_id')).map(([n, name]): Step<CsvTable> => (t) => {
      const c = at(n, t.header.length);
      return { result: { ...t, header: t.header.map((h, i) => (i === c ? name : h)) }, label: `header name ${t.header[c]} renamed ${show(name)}` };
    }),
    fc.tuple(nat, fc.constantFrom(-2, -1, 1, 2)).map(([n, delta]): Step<CsvTable> => (t) => {
      const r = at(n, t.rows.length);
      const ragged = (f: readonly string[]) => (delta < 0 ? f.slice(0, delta) : [...f, ...Array<string>(delta).fill('extra')]);
      return { result: { ...t, rows: t.rows.map((f, i) => (i === r ? ragged(f) : f)) }, label: `line ${r + 2} ragged by ${delta} fields` };
    }),
  );
}

const insertAt = (b: Buffer, i: number, bytes: Buffer) => Buffer.concat([b.subarray(0, i), bytes, b.subarray(i)]);
const hex = (bytes: readonly number[]) => bytes.map((x) => x.toString(16).padStart(2, '0')).join(' ');

/** Corruptions of the bytes of the file as written. */
const byteStep: fc.Arbitrary<Step<Buffer>> = fc.oneof(
  fc.nat().map((n): Step<Buffer> => (b) => {
    const i = at(n, b.length);
    return { result: b.subarray(0, i), label: `truncated to ${i} of ${b.length} bytes` };
  }),
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips): Step<Buffer> => (b) => {
    const out = Buffer.from(b);
    const done = flips.filter(() => out.length > 0).map(([n, mask]) => {
      const i = at(n, out.length);
      out[i]! ^= mask;
      return `${i}^${mask.toString(16)}`;
    });
    return { result: out, label: `bytes flipped at ${done.join(', ') || 'none'}` };
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...INVALID_UTF8)).map(([n, bytes]): Step<Buffer> => (b) => {
    const i = at(n, b.length + 1);
    return { result: insertAt(b, i, Buffer.from(bytes)), label: `invalid UTF-8 ${hex(bytes)} inserted at byte ${i}` };
  }),
  fc.constantFrom(1, 2).map((n): Step<Buffer> => (b) => ({
    result: Buffer.concat([...Array<Buffer>(n).fill(Buffer.from([0xef, 0xbb, 0xbf])), b]),
    label: `${n} byte-order mark${n > 1 ? 's' : ''} prepended`,
  })),
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 12 }).map((ends): Step<Buffer> => (b) => {
    let i = 0;
    return { result: Buffer.from(b.toString('latin1').replace(/\n/g, () => ends[i++ % ends.length]!), 'latin1'), label: `line ends mixed ${JSON.stringify(ends.join(''))}` };
  }),
  fc.nat().map((n): Step<Buffer> => (b) => {
    const commas = [...b.keys()].filter((i) => b[i] === 0x2c);
    const i = commas.length === 0 ? 0 : commas[at(n, commas.length)]! + 1;
    return { result: insertAt(b, i, Buffer.from('"')), label: `quote opened at byte ${i} and never closed` };
  }),
  fc.constant<Step<Buffer>>(() => ({ result: Buffer.alloc(0), label: 'emptied' })),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((junk): Step<Buffer> => () => ({ result: Buffer.from(junk), label: `replaced by ${junk.length} bytes of binary junk` })),
  fc.uint8Array({ maxLength: 300 }).map((junk): Step<Buffer> => () => ({ result: Buffer.concat([Buffer.from('PAR1'), Buffer.from(junk)]), label: `replaced by "PAR1" and ${junk.length} bytes of junk` })),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 40 })).map(([n, junk]): Step<Buffer> => (b) => {
    const i = at(n, b.length + 1);
    return { result: insertAt(b, i, Buffer.from(junk)), label: `${junk.length} junk bytes inserted at byte ${i}` };
  }),
);

function applyAll<T>(input: T, steps: readonly Step<T>[], labels: string[]): T {
  return steps.reduce((value, step) => {
    const { result, label } = step(value);
    labels.push(label);
    return result;
  }, input);
}

/**
 * A valid tidy, Fingertips or events file (VALID_IMPORT_FILES) with one to five corruptions: to
 * its rows and columns (bad counts, areas, indicators, periods, numerator past denominator,
 * repeated keys, swapped, duplicated or deleted columns, ragged rows), then to its bytes
 * (truncation, flipped bytes, invalid UTF-8, BOMs, mixed line ends, open quotes, emptied, junk).
 * Some corrupted files are still valid.
 */
export function corruptedImportFile(): fc.Arbitrary<CorruptedFile> {
  return fc.constantFrom<ImportFormat>('tidy', 'fingertips', 'events').chain((format) =>
    fc.record({ table: fc.array(tableStep(format), { maxLength: 3 }), bytes: fc.array(byteStep, { maxLength: 2 }) })
      .filter(({ table, bytes }) => table.length + bytes.length > 0)
      .map(({ table, bytes }) => {
        const steps: string[] = [];
        const csv = Buffer.from(csvText(applyAll(VALID_IMPORT_FILES[format], table, steps)));
        return { format, steps, bytes: applyAll<Buffer>(csv, bytes, steps) };
      }),
  );
}
