import { describe, expect, it } from 'vitest';
import { exploreBoroughs, exploreBreakdown, exploreFilterFor, type ExploreFilter } from './explore-filter.ts';
import { exploreDosesByVaccineSql, exploreDosesOverTimeSql, explorePracticeUptakeSql, exploreUptakeSql } from './explore-sql.ts';
import { exploreDosesTable } from './explore-tables.ts';

const FILTER: ExploreFilter = { from: '2023-01-01', to: '2023-12-31', icbs: ['E54000029'], boroughs: ['E09000003'], quintiles: [1, 2], dose: { vaccine: "mm'r", dose: 1 } };

// Results are checked against DuckDB in tests/integration/explore-sql.int.test.ts; here: values travel only as parameters.
describe('explore SQL builders', () => {
  it.each([
    { name: 'time', query: exploreDosesOverTimeSql(FILTER) },
    { name: 'doses', query: exploreDosesByVaccineSql(FILTER) },
    { name: 'uptake', query: exploreUptakeSql(FILTER, 'quintile', 365) },
    { name: 'practice uptake', query: explorePracticeUptakeSql(FILTER, 365) },
  ])('keeps the $name selection out of the SQL text', ({ query }) => {
    for (const value of ['2023-01-01', '2023-12-31', 'E09000003', 'E09000012', "mm'r"]) {
      expect(query.text).not.toContain(value);
      expect(query.params).toContain(value);
    }
    expect(query.text.match(/\$\d+/g)!.map((p) => Number(p.slice(1))).every((n) => n >= 1 && n <= query.params.length)).toBe(true);
  });

  it('leaves out the conditions of an empty selection', () => {
    expect(exploreDosesOverTimeSql({ from: null, to: null, icbs: [], boroughs: [], quintiles: [], dose: null })).toMatchObject({ params: [] });
  });

  it('turns ICBs into their boroughs, once each, and refuses codes that are neither', () => {
    expect(exploreBoroughs({ icbs: ['E54000028'], boroughs: ['E09000003', 'E09000012'] })).toEqual(['E09000003', 'E09000007', 'E09000010', 'E09000012', 'E09000014', 'E09000019']);
    expect(() => exploreDosesByVaccineSql({ ...FILTER, boroughs: ['E09999999'] })).toThrow('not a London ICB or borough: E09999999');
  });

  it.each([
    { quintiles: [], by: null, breakdown: 'total' },
    { quintiles: [], by: 'borough', breakdown: 'total' },
    { quintiles: [2], by: 'borough', breakdown: 'deprivation' },
    { quintiles: [], by: 'quintile', breakdown: 'deprivation' },
    { quintiles: [], by: 'ethnicity', breakdown: 'ethnicity' },
    { quintiles: [1, 5], by: 'ethnicity', breakdown: 'deprivation-ethnicity' },
  ] as const)('answers quintiles $quintiles by $by from the $breakdown rows of the cube', ({ quintiles, by, breakdown }) => {
    expect(exploreBreakdown({ quintiles }, by)).toBe(breakdown);
    const uptake = exploreUptakeSql({ ...FILTER, quintiles: [...quintiles] }, by, 365);
    expect(uptake.text).toContain(`FROM "${exploreDosesTable(breakdown)}"`);
    expect(uptake.params).toContain(breakdown);
  });

  it('drops only the view’s own dimension from its cross-filter', () => {
    expect(exploreFilterFor(FILTER, 'time')).toEqual({ ...FILTER, from: null, to: null });
    expect(exploreFilterFor(FILTER, 'area')).toEqual({ ...FILTER, icbs: [], boroughs: [] });
    expect(exploreFilterFor(FILTER, 'quintile')).toEqual({ ...FILTER, quintiles: [] });
    expect(exploreFilterFor(FILTER, 'dose')).toEqual({ ...FILTER, dose: null });
  });

  it('refuses an uptake without a period or a dose', () => {
    expect(() => exploreUptakeSql({ ...FILTER, from: null }, null, 365)).toThrow('an uptake needs a period: from and to must be ISO dates');
    expect(() => exploreUptakeSql({ ...FILTER, dose: null }, null, 365)).toThrow('an uptake needs one dose (filter.dose)');
    expect(() => exploreUptakeSql(FILTER, null, -1)).toThrow('dueDays must be an integer ≥ 0 (got -1)');
  });
});
