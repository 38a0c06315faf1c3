import { describe, expect, it } from 'vitest';
import { exploreSearch } from '../schemas/view-search.ts';
import { exploreSelection, monthEnd, selectedMonths } from './explore-selection.ts';

const parse = (q: string) => exploreSearch.parse(Object.fromEntries(new URLSearchParams(q)));
const extent = { first: '2012-02-20', last: '2025-03-31' };

describe('Explore URL state', () => {
  it('reads the period, areas, quintiles and dose of a shared link', () => {
    const state = parse('from=2023-01&to=2023-12&icb=E54000029&borough=E09000003&q=2,1&dose=mmr-2');
    expect(exploreSelection(state, extent).filter).toEqual({
      from: '2023-01-01', to: '2023-12-31', icbs: ['E54000029'], boroughs: ['E09000003'], quintiles: [1, 2], dose: { vaccine: 'mmr', dose: 2 },
    });
    expect(exploreSelection(state, extent).dose.key).toBe('mmr-2');
  });

  it('drops unknown codes and falls back to the defaults for bad values', () => {
    const state = parse('from=2023-13&icb=E54000029,nope&q=9&dose=unknown');
    expect(state).toMatchObject({ from: undefined, icb: 'E54000029', q: '', dose: 'mmr-1' });
    expect(exploreSelection(state, extent).filter).toMatchObject({ quintiles: [], dose: { vaccine: 'mmr', dose: 1 } });
  });

  it('defaults to the last twelve months of the data and puts a reversed period in order', () => {
    expect(selectedMonths(parse(''), extent.last, extent.first)).toEqual({ from: '2024-04', to: '2025-03' });
    expect(selectedMonths(parse('from=2024-06&to=2024-02'), extent.last, extent.first)).toEqual({ from: '2024-02', to: '2024-06' });
    expect(selectedMonths({}, '2012-06-01', '2012-02-01')).toEqual({ from: '2012-02', to: '2012-06' });
  });

  it('ends a month on its last day, leap years included', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2023-12')).toBe('2023-12-31');
  });
});
