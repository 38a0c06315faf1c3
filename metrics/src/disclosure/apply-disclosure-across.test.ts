import { describe, expect, it } from 'vitest';
import { applyDisclosure } from './apply-disclosure.ts';
import { applyDisclosureAcross } from './apply-disclosure-across.ts';

const cell = (area: string, group: string, numerator: number, denominator = 1000) => ({ areaCode: `${area}|${group}`, parentCode: null, area, group, numerator, denominator, value: (100 * numerator) / denominator });

describe('applyDisclosureAcross', () => {
  it('gives what applyDisclosure gives along a single direction', () => {
    const rows = [
      { areaCode: 'E09000007', parentCode: 'E54000028', numerator: 5, denominator: 40 },
      { areaCode: 'E09000019', parentCode: 'E54000028', numerator: 23, denominator: 60 },
      { areaCode: 'E09000003', parentCode: 'E54000028', numerator: 112, denominator: 300 },
      { areaCode: 'E09000012', parentCode: 'E54000029', numerator: 0, denominator: 9 },
      { areaCode: 'E09000025', parentCode: 'E54000029', numerator: 1, denominator: 12 },
    ];
    expect(applyDisclosureAcross(rows, [(r) => r.parentCode])).toEqual(applyDisclosure(rows));
  });

  it('hides across both directions so no hidden cell can be recovered from a row or a column total', () => {
    // Areas X, Y, Z (rows) by groups a, b, c (columns); only X-a (5) is small. Worked by hand:
    // along areas X-b is hidden with X-a; along groups Z-a (smallest other a) and Y-b; along areas
    // again Y-a and Z-b; then every a and b is hidden in pairs or more, and column c is untouched.
    const rows = [
      cell('X', 'a', 5), cell('X', 'b', 100), cell('X', 'c', 200),
      cell('Y', 'a', 50), cell('Y', 'b', 60), cell('Y', 'c', 300),
      cell('Z', 'a', 40), cell('Z', 'b', 70), cell('Z', 'c', 402),
    ];
    const out = applyDisclosureAcross(rows, [(r) => r.area, (r) => `P|${r.group}`]);
    expect(out.map((r) => [r.areaCode, r.numerator, r.disclosure])).toEqual([
      ['X|a', null, 'suppressed'], ['X|b', null, 'suppressed'], ['X|c', 200, 'rounded'],
      ['Y|a', null, 'suppressed'], ['Y|b', null, 'suppressed'], ['Y|c', 300, 'rounded'],
      ['Z|a', null, 'suppressed'], ['Z|b', null, 'suppressed'], ['Z|c', 400, 'rounded'],
    ]);
    expect(out.every((r) => r.denominator === 1000)).toBe(true);
    expect(out.filter((r) => r.disclosure === 'suppressed').every((r) => r.value === null)).toBe(true);
    // Along areas only, the group-a total minus Y-a and Z-a would give X-a away.
    expect(applyDisclosure(rows, { parentKey: (r) => r.area }).find((r) => r.areaCode === 'Y|a')!.numerator).toBe(50);
  });

  it('with the totals as rows, hides one more part when the published counts would narrow a hidden one to 5 values or fewer', () => {
    // Worked by hand: T = 2 + 2 + 8 + 8 = 20 (shown 20: 18–22); C and D shown 10 (8–12). Hiding A and B
    // alone leaves each 1 to 22 − 8 − 8 − 1 = 5; hiding C too (the smaller of C and D, tied, by code)
    // leaves 1 to 22 − 8 − 1 − 1 = 12.
    const row = (areaCode: string, group: string, numerator: number) => ({ areaCode, parentCode: null, group, numerator, denominator: null });
    const rows = [row('T', 'total', 20), row('A', 'part', 2), row('B', 'part', 2), row('C', 'part', 8), row('D', 'part', 8)];
    const parts = (r: (typeof rows)[number]) => (r.group === 'part' ? 'T' : null);
    const withTotals = applyDisclosureAcross(rows, [parts], { totals: [(r) => (r.group === 'total' ? 'T' : null)] });
    expect(withTotals.map((r) => r.numerator)).toEqual([20, null, null, null, 10]);
    expect(applyDisclosureAcross(rows, [parts]).map((r) => r.numerator)).toEqual([20, null, null, 10, 10]);
  });

  it('refuses totals that do not match the directions one for one, and a family with two total rows', () => {
    const rows = [cell('X', 'a', 5), cell('X', 'b', 100)];
    expect(() => applyDisclosureAcross(rows, [(r) => r.area], { totals: [] })).toThrow('totals needs one function per direction (got 0 for 1)');
    expect(() => applyDisclosureAcross(rows, [(r) => r.area], { totals: [(r) => r.area] })).toThrow('family X of direction 0 has two total rows');
  });

  it('refuses a call without a direction', () => {
    expect(() => applyDisclosureAcross([], [])).toThrow('applyDisclosureAcross needs at least one direction');
  });
});
