import { describe, expect, it } from 'vitest';
import { spcAssurance } from './spc-assurance.ts';
import { spcXmr, type SpcResult } from './spc-xmr.ts';
import { num, readReferenceCsv } from '../../../test/reference.ts';

// spc_S3_shift.csv: mean 6.5, limits 3.84 / 9.16 (NHSRplotthedots output, read from the file below).
const shiftRows = readReferenceCsv('reference/peer_package_outputs/spc_S3_shift.csv');
const shift = spcXmr(shiftRows.map((r) => num(r.y)!));
const lpl = num(shiftRows[0]!.lpl)!;
const upl = num(shiftRows[0]!.upl)!;

describe('spcAssurance (rules of NHSRplotthedots ptd_calculate_assurance_type) on spc_S3_shift.csv', () => {
  it.each([
    { case: 'target below both limits, increase', target: 3, improvement: 'increase', assurance: 'pass' },
    { case: 'target above both limits, increase', target: 10, improvement: 'increase', assurance: 'fail' },
    { case: 'target between the limits, increase', target: 6.5, improvement: 'increase', assurance: 'inconsistent' },
    { case: 'target below both limits, decrease', target: 3, improvement: 'decrease', assurance: 'fail' },
    { case: 'target above both limits, decrease', target: 10, improvement: 'decrease', assurance: 'pass' },
    { case: 'target between the limits, decrease', target: 6.5, improvement: 'decrease', assurance: 'inconsistent' },
    { case: 'target exactly on the LPL', target: lpl, improvement: 'increase', assurance: 'inconsistent' },
    { case: 'target exactly on the UPL', target: upl, improvement: 'decrease', assurance: 'inconsistent' },
    { case: 'neutral', target: 3, improvement: 'neutral', assurance: null },
    { case: 'no target', target: null, improvement: 'increase', assurance: null },
    { case: 'undefined target', target: undefined, improvement: 'increase', assurance: null },
  ] as const)('$case → $assurance', ({ target, improvement, assurance }) => {
    expect(spcAssurance(shift, target, improvement)).toBe(assurance);
  });

  it("defaults to the chart's own improvement direction", () => {
    expect(spcAssurance(spcXmr(shiftRows.map((r) => num(r.y)!), { improvement: 'decrease' }), 10)).toBe('pass');
    expect(spcAssurance(shift, 10)).toBe('fail');
  });

  it('uses the limits of the latest phase', () => {
    // Phase 0: 1, 2, … (limits −1.16, 4.16); phase 1: 10, 11, … (limits 7.84, 13.16).
    const rebased = spcXmr([1, 2, 1, 2, 1, 2, 10, 11, 10, 11, 10, 11], { rebaseAt: [6] });
    expect(spcAssurance(rebased, 5, 'increase')).toBe('pass');
    expect(spcAssurance(rebased, 14, 'increase')).toBe('fail');
  });

  it.each([
    { case: 'NaN target', target: Number.NaN, improvement: 'increase', message: 'target must be a finite number (got NaN)' },
    { case: 'an unknown improvement', target: 3, improvement: 'better', message: "improvement must be 'increase', 'decrease' or 'neutral' (got 'better')" },
  ])('rejects $case', ({ target, improvement, message }) => {
    expect(() => spcAssurance(shift, target, improvement as never)).toThrow(new RangeError(message));
  });

  it('rejects a result without points', () => {
    const empty: SpcResult = { improvement: 'increase', points: [] };
    expect(() => spcAssurance(empty, 3)).toThrow(new RangeError('spcAssurance needs a result with at least one point'));
  });
});
