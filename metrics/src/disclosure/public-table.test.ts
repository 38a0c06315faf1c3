import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../test/mulberry32.ts';
import { RECOVERED_WITHIN, intervalBounds, roundingWindow } from './interval-audit.ts';
import { applyDisclosure } from './apply-disclosure.ts';
import { disclosePublicTable, type TableCell, type TableGeography } from './public-table.ts';

/** A small London: ICB I1 of boroughs B1–B3, ICB I2 of B4–B5, region R; England E is exact. */
const GEOGRAPHY: TableGeography = {
  parentsOf: (code) => (code.startsWith('B') ? [Number(code.slice(1)) <= 3 ? 'I1' : 'I2', 'R'] : code.startsWith('I') ? ['R'] : []),
  isExact: (code) => code === 'E',
};
const TYPE: Record<string, string> = { B: 'borough', I: 'icb', R: 'region', E: 'england' };

/** A consistent table from borough × group counts: ICBs, London and totals are sums; England is given. */
function tableOf(groups: Record<string, Record<string, [number, number]>>, england: [number, number] = [100_000, 120_000]): TableCell[] {
  const cells = new Map<string, TableCell>();
  const add = (areaCode: string, breakdown: string, n: number, d: number) => {
    const key = `${areaCode}|${breakdown}`;
    const had = cells.get(key);
    cells.set(key, { indicatorId: 'x', areaCode, areaType: TYPE[areaCode[0]!]!, period: '2024/25', breakdown, numerator: (had?.numerator ?? 0) + n, denominator: (had?.denominator ?? 0) + d });
  };
  for (const [borough, byGroup] of Object.entries(groups)) {
    for (const [group, [n, d]] of Object.entries(byGroup)) {
      for (const area of [borough, ...GEOGRAPHY.parentsOf(borough)]) {
        add(area, group, n, d);
        add(area, 'total', n, d);
      }
    }
  }
  add('E', 'total', ...england);
  return [...cells.values()];
}

describe('disclosePublicTable', () => {
  it('hides 1–7, rounds the rest to 5 and leaves England exact', () => {
    const out = disclosePublicTable(tableOf({ B1: { 'sex:F': [40, 81], 'sex:M': [52, 99] }, B4: { 'sex:F': [61, 70], 'sex:M': [72, 83] } }), GEOGRAPHY);
    const cell = (area: string, breakdown: string) => out.cells.find((c) => c.areaCode === area && c.breakdown === breakdown)!;
    expect(cell('B1', 'sex:F')).toMatchObject({ numerator: 40, denominator: 80, numeratorHidden: false });
    expect(cell('B1', 'total')).toMatchObject({ numerator: 90, denominator: 180 });
    expect(cell('E', 'total')).toMatchObject({ numerator: 100_000, denominator: 120_000 });
    expect(out.hidden).toEqual({ primary: 0, complementary: 0 });
  });

  it('protects a hidden group within its area and across areas, hiding the smallest denominators (worked by hand)', () => {
    // B1 sex:F numerator 3 is hidden. Within B1, sex:M must go too (the only other group). Across
    // boroughs of I1, sex:F: B2 (den 50) is cheaper than B3 (den 400); for sex:M the complement of
    // B1 is again B2, whose row is already hidden. I1 and London's rows stay published.
    const out = disclosePublicTable(tableOf({
      B1: { 'sex:F': [3, 40], 'sex:M': [30, 41] },
      B2: { 'sex:F': [20, 50], 'sex:M': [22, 52] },
      B3: { 'sex:F': [200, 400], 'sex:M': [210, 410] },
      B4: { 'sex:F': [300, 500], 'sex:M': [310, 520] },
      B5: { 'sex:F': [330, 510], 'sex:M': [320, 530] },
    }), GEOGRAPHY);
    const hidden = out.cells.filter((c) => c.numeratorHidden).map((c) => `${c.areaCode} ${c.breakdown}`).sort();
    expect(hidden).toEqual(['B1 sex:F', 'B1 sex:M', 'B2 sex:F', 'B2 sex:M']);
    expect(out.cells.filter((c) => c.denominatorHidden)).toEqual([]);
    expect(out.hidden).toEqual({ primary: 1, complementary: 3 });
  });

  it('hides a smaller borough, not a large one with low coverage, to protect a small one (before: the smallest count, Hackney)', () => {
    // The case that cost the public Hackney: a borough of 15 children with 7 vaccinated, beside
    // Hackney (1,025 children, 650 vaccinated: the smallest count) and a borough of 760 (700).
    const boroughs = { B1: { 'sex:F': [7, 15] as [number, number] }, B2: { 'sex:F': [650, 1025] as [number, number] }, B3: { 'sex:F': [700, 760] as [number, number] }, B4: { 'sex:F': [900, 1000] as [number, number] }, B5: { 'sex:F': [950, 1100] as [number, number] } };
    const cells = tableOf(boroughs);
    const hiddenBoroughs = (hidden: (c: TableCell, i: number) => boolean) => cells.flatMap((c, i) => (c.areaType === 'borough' && c.breakdown === 'total' && hidden(c, i) ? [c.areaCode] : []));
    const before = applyDisclosure(cells.filter((c) => c.areaType === 'borough' && c.breakdown === 'total').map((c) => ({ ...c, parentCode: GEOGRAPHY.parentsOf(c.areaCode)[0]! })));
    expect(before.filter((r) => r.numerator === null).map((r) => r.areaCode)).toEqual(['B1', 'B2']);
    const after = disclosePublicTable(cells, GEOGRAPHY);
    expect(hiddenBoroughs((_, i) => after.cells[i]!.numeratorHidden)).toEqual(['B1', 'B3']);
  });

  it('merges nothing and keeps every cell once, refusing a table with a duplicate', () => {
    const cells = tableOf({ B1: { 'sex:F': [10, 20] } });
    expect(() => disclosePublicTable([...cells, cells[0]!], GEOGRAPHY)).toThrow('two cells for x B1 2024/25 sex:F');
  });
});

describe('disclosePublicTable against an attacker on random small tables', () => {
  const random = mulberry32(14);
  const small = () => (random() < 0.35 ? Math.floor(random() * 8) : 8 + Math.floor(random() * 60));
  const tables = Array.from({ length: 40 }, () => {
    const groups: Record<string, Record<string, [number, number]>> = {};
    for (const b of ['B1', 'B2', 'B3', 'B4', 'B5']) {
      groups[b] = {};
      for (const g of ['deprivation:1', 'deprivation:2', 'deprivation:3']) {
        const n = small();
        groups[b][g] = [n, n + small()];
      }
    }
    return tableOf(groups);
  });

  it('leaves no hidden count that interval arithmetic over every relation narrows to 5 or fewer values', () => {
    let hiddenCells = 0;
    for (const cells of tables) {
      const out = disclosePublicTable(cells, GEOGRAPHY);
      for (const field of ['numerator', 'denominator'] as const) {
        // The attacker's own relations, written out here rather than taken from the implementation.
        const index = new Map(cells.map((c, i) => [`${c.areaCode}|${c.breakdown}`, i]));
        const relations = [
          ...['total', 'deprivation:1', 'deprivation:2', 'deprivation:3'].flatMap((b) => [
            { total: index.get(`I1|${b}`)!, parts: ['B1', 'B2', 'B3'].map((a) => index.get(`${a}|${b}`)!) },
            { total: index.get(`I2|${b}`)!, parts: ['B4', 'B5'].map((a) => index.get(`${a}|${b}`)!) },
            { total: index.get(`R|${b}`)!, parts: ['I1', 'I2'].map((a) => index.get(`${a}|${b}`)!) },
            { total: index.get(`R|${b}`)!, parts: ['B1', 'B2', 'B3', 'B4', 'B5'].map((a) => index.get(`${a}|${b}`)!) },
          ]),
          ...['B1', 'B2', 'B3', 'B4', 'B5', 'I1', 'I2', 'R'].map((a) => ({ total: index.get(`${a}|total`)!, parts: [1, 2, 3].map((q) => index.get(`${a}|deprivation:${q}`)!) })),
        ];
        const published = (i: number) => {
          const shown = out.cells[i]![field];
          return shown === null ? null : roundingWindow(shown);
        };
        const { lo, hi } = intervalBounds(cells.length, relations, published);
        out.cells.forEach((c, i) => {
          if (c.areaCode === 'E' || c[field] !== null) return;
          hiddenCells++;
          expect(hi[i]! - lo[i]! + 1, `${field} ${c.areaCode} ${c.breakdown}`).toBeGreaterThan(RECOVERED_WITHIN);
          // The bounds are sound: the truth lies inside them.
          expect(cells[i]![field]!).toBeGreaterThanOrEqual(lo[i]!);
          expect(cells[i]![field]!).toBeLessThanOrEqual(hi[i]!);
        });
      }
    }
    expect(hiddenCells).toBeGreaterThan(200);
  });

  it('hides every count of 1–7 and shows every other count as a multiple of 5 within 2 of the truth', () => {
    for (const cells of tables) {
      const out = disclosePublicTable(cells, GEOGRAPHY);
      cells.forEach((c, i) => {
        for (const field of ['numerator', 'denominator'] as const) {
          const truth = c[field]!;
          const shown = out.cells[i]![field];
          if (c.areaCode === 'E') expect(shown).toBe(truth);
          else if (truth >= 1 && truth <= 7) expect(shown).toBeNull();
          else if (shown !== null) expect(Math.abs(shown - truth) <= 2 && shown % 5 === 0).toBe(true);
        }
      });
    }
  });
});
