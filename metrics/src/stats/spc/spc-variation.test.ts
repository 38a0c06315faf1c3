import { describe, expect, it } from 'vitest';
import { spcVariation } from './spc-variation.ts';
import { spcXmr, type SpcImprovement, type SpcResult } from './spc-xmr.ts';
import { num, readReferenceCsv } from '../../../test/reference.ts';

const referenceValues = (file: string) => readReferenceCsv(`reference/peer_package_outputs/${file}`).map((r) => num(r.y)!);

describe('spcVariation (icon of the latest point, as NHSRplotthedots geom_ptd_icon)', () => {
  it.each([
    // Latest point_type in the reference file, read from its last row.
    { case: 'spc_S2_rnorm123.csv: latest common cause', file: 'spc_S2_rnorm123.csv', improvement: 'increase', variation: 'common-cause' },
    { case: 'spc_S3_shift.csv: latest in a run above, increase', file: 'spc_S3_shift.csv', improvement: 'increase', variation: 'improvement' },
    { case: 'spc_S3_shift.csv: latest in a run above, decrease', file: 'spc_S3_shift.csv', improvement: 'decrease', variation: 'concern' },
    { case: 'spc_S3_shift.csv: latest in a run above, neutral', file: 'spc_S3_shift.csv', improvement: 'neutral', variation: 'neutral-high' },
    { case: 'spc_S3_outside_low.csv: special cause earlier, latest common', file: 'spc_S3_outside_low.csv', improvement: 'increase', variation: 'common-cause' },
  ] as const)('$case', ({ file, improvement, variation }) => {
    expect(spcVariation(spcXmr(referenceValues(file), { improvement }))).toBe(variation);
  });

  it.each([
    { improvement: 'increase', variation: 'concern' },
    { improvement: 'decrease', variation: 'improvement' },
    { improvement: 'neutral', variation: 'neutral-low' },
  ] as const)('latest point below the LPL with $improvement → $variation', ({ improvement, variation }) => {
    // spc_S3_outside_low.csv up to and including its "Below LCL" point (the 6).
    const values = referenceValues('spc_S3_outside_low.csv');
    const upToOutlier = values.slice(0, values.indexOf(6) + 1);
    const result = spcXmr(upToOutlier, { improvement: improvement as SpcImprovement });
    expect(result.points.at(-1)!.rule).toBe('below-lower-limit');
    expect(spcVariation(result)).toBe(variation);
  });

  it('rejects a result without points', () => {
    const empty: SpcResult = { improvement: 'increase', points: [] };
    expect(() => spcVariation(empty)).toThrow(new RangeError('spcVariation needs a result with at least one point'));
  });
});
