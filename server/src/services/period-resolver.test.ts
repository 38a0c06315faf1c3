import { INDICATORS, type IndicatorPeriodRow, type SqlQuery } from '@pathfinder/metrics';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error.ts';
import { resolvePeriod } from './period-resolver.ts';
import type { ServiceContext } from './service-context.ts';

const indicator = INDICATORS[0]!;

/** A context whose release answers the periods query with these rows (latest first), as `indicatorPeriodsSql` orders them. */
function releaseWithPeriods(periods: readonly string[]): ServiceContext {
  const rows: IndicatorPeriodRow[] = periods.map((period) => ({ period, period_start: '' }));
  const runner = { all: async (_query: SqlQuery) => rows };
  return { release: { runner }, caller: { role: 'public' } } as unknown as ServiceContext;
}

describe('resolvePeriod', () => {
  it('sums the periods of the data inside a coarser one, oldest first, and leaves out the others', async () => {
    const ctx = releaseWithPeriods(['2024/25 Q1', '2023/24 Q4', '2023/24 Q3', '2022/23 Q4']);
    expect(await resolvePeriod(ctx, indicator, '2023/24')).toEqual({ label: '2023/24', periods: ['2023/24 Q3', '2023/24 Q4'] });
  });

  it('answers 404 when no period of the data lies inside the one asked for', async () => {
    const ctx = releaseWithPeriods(['2023/24 Q4']);
    await expect(resolvePeriod(ctx, indicator, '2021/22')).rejects.toMatchObject({ status: 404, code: 'period_not_found' });
  });

  it('fails on a period of the data that does not parse, rather than leave it out as outside the one asked for', async () => {
    const ctx = releaseWithPeriods(['2023/24 Q4', 'not a period']);
    const failure = resolvePeriod(ctx, indicator, '2023/24');
    await expect(failure).rejects.toThrow('invalid period "not a period"');
    await expect(failure).rejects.not.toBeInstanceOf(ApiError);
  });
});
