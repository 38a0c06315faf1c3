import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-response.ts';

describe('toCsv', () => {
  it('neutralises text that a spreadsheet would run as a formula, in rows and in the extra columns, and keeps numbers numeric', () => {
    const csv = toCsv([{ areaName: '=HYPERLINK("http://x.example")', value: -1.5, valueNote: '@note' }], { Release: '+r1' });
    expect(csv.split('\n')).toEqual(['Release,Area Name,Value,Value note', `'+r1,"'=HYPERLINK(""http://x.example"")",-1.5,'@note`, '']);
  });
});
