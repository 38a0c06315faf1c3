import { describe, expect, it } from 'vitest';
import { attentionSearch, campaignSearch, exploreSearch, indicatorSearch, inequalitiesSearch, overviewSearch, practiceSearch, searchDefaults, signalsSearch } from './view-search.ts';

/** What a router hands the schema: the query string as plain strings. */
const query = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('view search parameters', () => {
  it('reads an empty query string as each view’s defaults', () => {
    expect(overviewSearch.parse({})).toEqual({ domain: 'immunisation', areaType: 'borough', icb: undefined, parent: undefined, comparator: 'london' });
    expect(indicatorSearch.parse({})).toEqual({ period: 'latest', areaType: 'borough', icb: undefined, area: undefined, comparator: 'london', colour: 'comparison', sort: 'value', map: 'boundaries' });
    expect(practiceSearch.parse({})).toEqual({ icb: undefined, indicator: 'imm-mmr1-24m', period: 'latest', centre: 'london', practice: undefined });
    expect(inequalitiesSearch.parse({})).toEqual({ indicator: 'imm-mmr1-24m', icb: undefined, area: undefined, by: 'deprivation', period: 'latest' });
    expect(campaignSearch.parse({})).toEqual({ areaType: 'borough', interval: 'week', measure: 'uptake', list: 'practice', map: 'boundaries' });
  });

  it('keeps what a shared link says', () => {
    expect(indicatorSearch.parse(query('period=2023%2F24+Q2&area=E09000012&comparator=england&map=tiles&its=2022%2F23+Q2'))).toMatchObject({ period: '2023/24 Q2', area: 'E09000012', comparator: 'england', map: 'tiles', its: '2022/23 Q2' });
    expect(campaignSearch.parse(query('asOf=2022-09-30&icb=E54000027&interval=day'))).toMatchObject({ asOf: '2022-09-30', icb: 'E54000027', interval: 'day' });
    expect(practiceSearch.parse(query('centre=target&practice=F84001'))).toMatchObject({ centre: 'target', practice: 'F84001' });
  });

  it.each([
    ['an unknown choice', overviewSearch, 'comparator=mars&domain=immunisation', { comparator: 'london' }],
    ['an ICB that is not London’s', overviewSearch, 'parent=E54000099', { parent: undefined }],
    ['an ICB that is not London’s', indicatorSearch, 'icb=E54000099&area=E09000012', { icb: undefined, area: 'E09000012' }],
    ['an unknown map kind', indicatorSearch, 'map=hexagons&area=E09000012', { map: 'boundaries', area: 'E09000012' }],
    ['a value too long', practiceSearch, `period=${'x'.repeat(41)}`, { period: 'latest' }],
    ['an unknown funnel centre and a practice code that is not one', practiceSearch, 'centre=mars&practice=%3Cscript%3E&icb=E54000027', { centre: 'london', practice: undefined, icb: 'E54000027' }],
    ['a date that is not one', campaignSearch, 'asOf=2022-13-45&measure=unvaccinated', { asOf: undefined, measure: 'unvaccinated' }],
    ['a month that is not one', exploreSearch, 'from=2023-13&dose=unknown', { from: undefined, dose: 'mmr-1' }],
  ])('falls back to the default for %s, keeping the other parameters', (_case, schema, q, expected) => {
    expect(schema.parse(query(q))).toMatchObject(expected);
  });

  it('reads the attention filters, dropping any it does not know and never failing the page', () => {
    expect(attentionSearch.parse({})).toEqual({ domain: undefined, areaType: undefined, severity: undefined, new: 'false', icb: undefined, indicator: 'imm-mmr1-24m' });
    expect(attentionSearch.parse(query('domain=asthma&areaType=practice&severity=act&new=true'))).toMatchObject({ domain: 'asthma', areaType: 'practice', severity: 'act', new: 'true' });
    expect(attentionSearch.parse(query('domain=mars&areaType=planet&severity=panic&new=maybe&icb=E54000099'))).toMatchObject({ domain: undefined, areaType: undefined, severity: undefined, new: 'false', icb: undefined });
    expect(searchDefaults(attentionSearch)).toEqual({ new: 'false', indicator: 'imm-mmr1-24m' });
    expect(signalsSearch.parse(query('level=practice&area=F84001'))).toEqual({ icb: undefined, level: 'practice', area: 'F84001' });
    expect(signalsSearch.parse(query('level=street&area=<script>&icb=E54000029'))).toEqual({ icb: 'E54000029', level: undefined, area: undefined });
  });

  it('keeps only known codes of Explore’s lists, in a stable order', () => {
    expect(exploreSearch.parse(query('icb=E54000029,nope&q=2,1,9'))).toMatchObject({ icb: 'E54000029', q: '1,2' });
  });

  it('names the defaults links leave out, and no parameter without one', () => {
    expect(searchDefaults(overviewSearch)).toEqual({ domain: 'immunisation', areaType: 'borough', comparator: 'london' });
    expect(searchDefaults(exploreSearch)).toEqual({ dose: 'mmr-1', map: 'boundaries' });
    expect(Object.keys(searchDefaults(campaignSearch))).not.toContain('asOf');
  });
});
