import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../test/mulberry32.ts';
import { applyDisclosure, type DisclosureRow } from './apply-disclosure.ts';

interface Row extends DisclosureRow {
  readonly areaCode: string;
  readonly parentCode: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly period: string;
}

const makeRow = (overrides: Partial<Row> & Pick<Row, 'areaCode'>): Row => {
  const numerator = overrides.numerator ?? 50;
  const denominator = overrides.denominator ?? 100;
  const value = (numerator / denominator) * 100;
  return { parentCode: 'P1', numerator, denominator, value, lower95: value - 5, upper95: value + 5, period: '2023/24', ...overrides };
};

const numerators = (rows: readonly { numerator: number | null }[]) => rows.map((r) => r.numerator);

describe('applyDisclosure', () => {
  it('hides the next-smallest sibling when one child is suppressed (North Central London)', () => {
    const out = applyDisclosure([
      makeRow({ areaCode: 'E09000007', parentCode: 'E54000028', numerator: 5, denominator: 40 }),
      makeRow({ areaCode: 'E09000019', parentCode: 'E54000028', numerator: 23, denominator: 60 }),
      makeRow({ areaCode: 'E09000003', parentCode: 'E54000028', numerator: 112, denominator: 300 }),
    ]);
    expect(numerators(out)).toEqual([null, null, 110]);
    expect(out.map((r) => r.denominator)).toEqual([40, 60, 300]);
    expect(out.map((r) => r.disclosure)).toEqual(['suppressed', 'suppressed', 'rounded']);
  });

  it('passes over siblings with a zero or missing count when choosing the secondary suppression', () => {
    const out = applyDisclosure([
      makeRow({ areaCode: 'A', numerator: 3 }),
      makeRow({ areaCode: 'B', numerator: 0 }),
      makeRow({ areaCode: 'C', numerator: null }),
      makeRow({ areaCode: 'D', numerator: 40 }),
      makeRow({ areaCode: 'E', numerator: 12 }),
    ]);
    expect(numerators(out)).toEqual([null, 0, null, 40, null]);
    expect(out.map((r) => r.disclosure)).toEqual(['suppressed', 'rounded', 'rounded', 'rounded', 'suppressed']);
  });

  it('breaks ties between equally small siblings by area code, whatever the input order', () => {
    const rows = [makeRow({ areaCode: 'Z', numerator: 20 }), makeRow({ areaCode: 'A', numerator: 2 }), makeRow({ areaCode: 'M', numerator: 20 })];
    expect(numerators(applyDisclosure(rows))).toEqual([20, null, null]);
    expect(numerators(applyDisclosure([...rows].reverse()))).toEqual([null, null, 20]);
  });

  it('adds no secondary suppression when two children are already hidden', () => {
    const out = applyDisclosure([makeRow({ areaCode: 'A', numerator: 2 }), makeRow({ areaCode: 'B', numerator: 6 }), makeRow({ areaCode: 'C', numerator: 30 })]);
    expect(numerators(out)).toEqual([null, null, 30]);
  });

  it('hides one more child when the hidden children are all 1s, whose sum would give each away', () => {
    // parent − published = 2 with two hidden cells, each at least 1 → both must be 1 without a third
    const out = applyDisclosure([makeRow({ areaCode: 'A', numerator: 1 }), makeRow({ areaCode: 'B', numerator: 1 }), makeRow({ areaCode: 'C', numerator: 30 }), makeRow({ areaCode: 'D', numerator: 90 })]);
    expect(numerators(out)).toEqual([null, null, null, 90]);
  });

  it('leaves a lone hidden child when every sibling is 0 (the parent total is then hidden itself)', () => {
    const out = applyDisclosure([makeRow({ areaCode: 'A', numerator: 4 }), makeRow({ areaCode: 'B', numerator: 0 })]);
    expect(numerators(out)).toEqual([null, 0]);
  });

  it('applies no secondary suppression to rows without a parent', () => {
    const out = applyDisclosure([makeRow({ areaCode: 'A', parentCode: null, numerator: 4 }), makeRow({ areaCode: 'B', parentCode: null, numerator: 20 })]);
    expect(numerators(out)).toEqual([null, 20]);
  });

  it('groups by the given parent key, e.g. parent and period', () => {
    const rows = [
      makeRow({ areaCode: 'A', numerator: 4, period: 'Q1' }),
      makeRow({ areaCode: 'B', numerator: 20, period: 'Q1' }),
      makeRow({ areaCode: 'A', numerator: 30, period: 'Q2' }),
      makeRow({ areaCode: 'B', numerator: 25, period: 'Q2' }),
    ];
    expect(numerators(applyDisclosure(rows, { parentKey: (r) => `${r.parentCode}|${r.period}` }))).toEqual([null, null, 30, 25]);
  });

  it('hides the value and confidence limits of a row whose numerator is hidden', () => {
    const [row] = applyDisclosure([makeRow({ areaCode: 'A', parentCode: null, numerator: 4, denominator: 200 })]);
    expect(row).toMatchObject({ numerator: null, denominator: 200, value: null, lower95: null, upper95: null, disclosure: 'suppressed', period: '2023/24' });
  });

  it('hides the value of a row whose denominator is hidden, keeping a numerator of 0', () => {
    const [row] = applyDisclosure([makeRow({ areaCode: 'A', parentCode: null, numerator: 0, denominator: 6 })]);
    expect(row).toMatchObject({ numerator: 0, denominator: null, value: null, lower95: null, disclosure: 'suppressed' });
  });

  it('protects denominators by secondary suppression too', () => {
    const out = applyDisclosure([
      makeRow({ areaCode: 'A', numerator: 0, denominator: 5 }),
      makeRow({ areaCode: 'B', numerator: 10, denominator: 400 }),
      makeRow({ areaCode: 'C', numerator: 10, denominator: 30 }),
    ]);
    expect(out.map((r) => r.denominator)).toEqual([null, 400, null]);
    expect(out.map((r) => r.value)).toEqual([null, 2.5, null]);
  });

  it('does not add rows or keys a row did not have', () => {
    const [row] = applyDisclosure([{ areaCode: 'A', parentCode: null, numerator: 3, denominator: 9 }]);
    expect(row).toEqual({ areaCode: 'A', parentCode: null, numerator: null, denominator: 10, disclosure: 'suppressed' });
  });

  it('flags a row of zero counts none and a row of rounded counts rounded', () => {
    const out = applyDisclosure([makeRow({ areaCode: 'A', parentCode: null, numerator: 0, denominator: 0 }), makeRow({ areaCode: 'B', parentCode: null, numerator: 52, denominator: 98 })]);
    expect(out.map((r) => [r.numerator, r.denominator, r.disclosure])).toEqual([[0, 0, 'none'], [50, 100, 'rounded']]);
  });

  it('returns rows unchanged, flagged none, to an entitled caller', () => {
    const rows = [makeRow({ areaCode: 'A', numerator: 3, denominator: 41 }), makeRow({ areaCode: 'B', numerator: 23, denominator: 61 })];
    expect(applyDisclosure(rows, { entitled: true })).toEqual(rows.map((r) => ({ ...r, disclosure: 'none' })));
  });

  it('rejects a count that is not a whole number, naming the area', () => {
    expect(() => applyDisclosure([makeRow({ areaCode: 'E09000012', numerator: 2.5 })])).toThrow('numerator of E09000012 must be an integer ≥ 0 or null (got 2.5)');
    expect(() => applyDisclosure([makeRow({ areaCode: 'E09000012', denominator: -4 })])).toThrow('denominator of E09000012 must be an integer ≥ 0 or null (got -4)');
  });
});

describe('applyDisclosure against differencing attacks on random data', () => {
  const random = mulberry32(20240617);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const count = (): number | null => {
    const u = random();
    return u < 0.05 ? null : u < 0.25 ? 0 : u < 0.6 ? int(1, 7) : u < 0.8 ? int(8, 20) : int(21, 500);
  };
  const rows = Array.from({ length: 1000 }, (_, p) => Array.from({ length: int(1, 9) }, (_, c) => {
    const numerator = count();
    const denominator = numerator === null ? count() : numerator + int(0, 300);
    return { areaCode: `P${p}C${c}`, parentCode: `P${p}`, numerator, denominator };
  })).flat();
  const out = applyDisclosure(rows);
  const families = new Map<string, { row: (typeof rows)[number]; published: (typeof out)[number] }[]>();
  rows.forEach((row, i) => {
    families.set(row.parentCode, [...(families.get(row.parentCode) ?? []), { row, published: out[i]! }]);
  });

  it('builds families where primary suppression alone would leak', () => {
    // sanity check of the generator: many families have exactly one count of 1–7
    const single = [...families.values()].filter((f) => f.filter(({ row }) => row.numerator !== null && row.numerator >= 1 && row.numerator <= 7).length === 1);
    expect(single.length).toBeGreaterThan(50);
  });

  it.each(['numerator', 'denominator'] as const)('never lets parent total − published siblings equal a hidden %s', (field) => {
    let attacked = 0;
    for (const family of families.values()) {
      const hidden = family.filter(({ row, published }) => row[field] !== null && published[field] === null);
      if (hidden.length === 0) continue;
      attacked++;
      // Worst case for us: the attacker knows the parent total exactly (it is rounded in practice) and
      // the published siblings' true counts (they see them rounded). What is left is the hidden cells' sum.
      const parentTotal = family.reduce((s, { row }) => s + (row[field] ?? 0), 0);
      if (parentTotal <= 7) continue; // the parent total is itself suppressed, so there is nothing to subtract from
      const publishedSum = family.filter(({ published }) => published[field] !== null).reduce((s, { row }) => s + row[field]!, 0);
      const remainder = parentTotal - publishedSum;
      for (const { row } of hidden) {
        expect(remainder, `${row.areaCode} ${field}`).not.toBe(row[field]);
        // Each hidden cell is at least 1, so it lies in [1, remainder − (others hidden)]: never a single value.
        expect(remainder - (hidden.length - 1), `${row.areaCode} ${field}`).toBeGreaterThan(1);
      }
    }
    expect(attacked).toBeGreaterThan(100);
  });

  it('hides every count of 1–7 and shows every other count as a multiple of 5 within 2 of the truth', () => {
    rows.forEach((row, i) => {
      for (const field of ['numerator', 'denominator'] as const) {
        const truth = row[field];
        const shown = out[i]![field];
        if (truth !== null && truth >= 1 && truth <= 7) expect(shown).toBeNull();
        if (shown !== null) {
          expect(shown % 5).toBe(0);
          expect(Math.abs(shown - truth!)).toBeLessThanOrEqual(2);
        }
      }
    });
  });

  it('flags every row with a hidden count as suppressed, and no other', () => {
    rows.forEach((row, i) => {
      const hiddenCount = (row.numerator !== null && out[i]!.numerator === null) || (row.denominator !== null && out[i]!.denominator === null);
      expect(out[i]!.disclosure === 'suppressed', row.areaCode).toBe(hiddenCount);
    });
  });
});
