import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel } from './parse-period.ts';
import { periodFromFields } from './period-from-fields.ts';

describe('parsePeriod', () => {
  it.each([
    { label: '2023/24', kind: 'financial-year', start: '2023-04-01', end: '2024-03-31' },
    { label: '1999/00', kind: 'financial-year', start: '1999-04-01', end: '2000-03-31' },
    { label: '2023/24 Q1', kind: 'fy-quarter', start: '2023-04-01', end: '2023-06-30' },
    { label: '2023/24 Q2', kind: 'fy-quarter', start: '2023-07-01', end: '2023-09-30' },
    { label: '2023/24 Q3', kind: 'fy-quarter', start: '2023-10-01', end: '2023-12-31' },
    { label: '2023/24 Q4', kind: 'fy-quarter', start: '2024-01-01', end: '2024-03-31' },
    { label: '2024', kind: 'calendar-year', start: '2024-01-01', end: '2024-12-31' },
    { label: '2024-03', kind: 'month', start: '2024-03-01', end: '2024-03-31' },
    { label: '2024-04', kind: 'month', start: '2024-04-01', end: '2024-04-30' },
    { label: '2022-W41', kind: 'iso-week', start: '2022-10-10', end: '2022-10-16' },
    { label: '2021/22 - 2023/24', kind: 'fy-range', start: '2021-04-01', end: '2024-03-31' },
    { label: '2021 - 2023', kind: 'calendar-year-range', start: '2021-01-01', end: '2023-12-31' },
  ])('$label is a $kind from $start to $end and keeps its label', ({ label, kind, start, end }) => {
    expect(parsePeriod(label)).toMatchObject({ kind, label, start, end });
  });

  it('gives the numbers that identify each kind', () => {
    expect(parsePeriod('2023/24 Q4')).toEqual({ kind: 'fy-quarter', startYear: 2023, quarter: 4, label: '2023/24 Q4', start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2022-W41')).toMatchObject({ isoYear: 2022, week: 41 });
    expect(parsePeriod('2024-03')).toMatchObject({ year: 2024, month: 3 });
    expect(parsePeriod('2021/22 - 2023/24')).toMatchObject({ firstStartYear: 2021, lastStartYear: 2023 });
    expect(parsePeriod('2021 - 2023')).toMatchObject({ firstYear: 2021, lastYear: 2023 });
  });

  describe('leap years', () => {
    it.each([
      { label: '2024-02', end: '2024-02-29' },
      { label: '2023-02', end: '2023-02-28' },
      { label: '2000-02', end: '2000-02-29' }, // divisible by 400
      { label: '1900-02', end: '1900-02-28' }, // divisible by 100 only
    ])('$label ends on $end', ({ label, end }) => expect(parsePeriod(label).end).toBe(end));

    it('ends the financial year holding 29 February 2024 on 31 March', () => {
      expect(parsePeriod('2023/24 Q4').end).toBe('2024-03-31');
      expect(parsePeriod('2023/24').end).toBe('2024-03-31');
    });
  });

  // ISO 8601 examples as listed in Wikipedia "ISO week date" (each date with its week).
  describe('ISO 8601 weeks', () => {
    it.each([
      { label: '2020-W53', start: '2020-12-28', end: '2021-01-03' }, // 2020 starts on a Wednesday and is a leap year
      { label: '2021-W01', start: '2021-01-04', end: '2021-01-10' },
      { label: '2015-W53', start: '2015-12-28', end: '2016-01-03' }, // 2015 starts on a Thursday
      { label: '2026-W53', start: '2026-12-28', end: '2027-01-03' },
      { label: '2004-W53', start: '2004-12-27', end: '2005-01-02' }, // 2005-01-01 is 2004-W53-6
      { label: '2009-W01', start: '2008-12-29', end: '2009-01-04' }, // 2008-12-29 is 2009-W01-1
      { label: '2008-W52', start: '2008-12-22', end: '2008-12-28' }, // 2008-12-28 is 2008-W52-7
      { label: '2009-W53', start: '2009-12-28', end: '2010-01-03' }, // 2010-01-03 is 2009-W53-7
      { label: '2010-W01', start: '2010-01-04', end: '2010-01-10' }, // 2010-01-04 is 2010-W01-1
      { label: '2007-W01', start: '2007-01-01', end: '2007-01-07' }, // 2007-01-01 is 2007-W01-1
      { label: '2008-W01', start: '2007-12-31', end: '2008-01-06' }, // 2007-12-31 is 2008-W01-1
    ])('$label runs Monday $start to Sunday $end', ({ label, start, end }) => {
      expect(parsePeriod(label)).toMatchObject({ kind: 'iso-week', start, end });
    });

    it.each(['2021-W53', '2022-W53', '2023-W53', '2019-W53'])('rejects %s in a 52-week year', (label) => {
      expect(() => parsePeriod(label)).toThrow(new RegExp(`invalid period "${label}": ISO year \\d{4} has weeks 1 to 52`));
    });

    it('starts every week on a Monday and ends it on a Sunday', () => {
      for (const label of ['2022-W01', '2022-W41', '2020-W53', '2024-W09']) {
        const { start, end } = parsePeriod(label);
        expect(new Date(`${start}T00:00:00Z`).getUTCDay(), label).toBe(1);
        expect(new Date(`${end}T00:00:00Z`).getUTCDay(), label).toBe(0);
      }
    });
  });

  describe('Fingertips range labels', () => {
    it.each([
      { label: '2015 - 17', canonical: '2015 - 2017', start: '2015-01-01', end: '2017-12-31' }, // shared/data/fingertips_format export
      { label: '2013 - 17', canonical: '2013 - 2017', start: '2013-01-01', end: '2017-12-31' },
      { label: '1998 - 02', canonical: '1998 - 2002', start: '1998-01-01', end: '2002-12-31' },
      { label: '2021/22 - 23/24', canonical: '2021/22 - 2023/24', start: '2021-04-01', end: '2024-03-31' },
      { label: '1998/99 - 00/01', canonical: '1998/99 - 2000/01', start: '1998-04-01', end: '2001-03-31' },
    ])('reads $label as $canonical', ({ label, canonical, start, end }) => {
      expect(parsePeriod(label)).toMatchObject({ label: canonical, start, end });
      expect(periodLabel(label)).toBe(canonical);
    });
  });

  it.each([
    { label: '2023/25', reason: /financial year runs over two consecutive years, e.g. "2023\/24"/ },
    { label: '2023/24 Q5', reason: /financial-year quarter/ },
    { label: '2023/24 Q0', reason: /financial-year quarter/ },
    { label: '2024-13', reason: /month must be 1 to 12 \(got 13\)/ },
    { label: '2024-00', reason: /month must be 1 to 12 \(got 0\)/ },
    { label: '2022-W00', reason: /weeks 1 to 52 \(got week 0\)/ },
    { label: '2020-W54', reason: /weeks 1 to 53 \(got week 54\)/ },
    { label: '2023 - 2021', reason: /must end after it starts \(got 2023 to 2021\)/ },
    { label: '2021 - 2021', reason: /must end after it starts/ },
    { label: '2023/24 - 2021/22', reason: /must end after it starts/ },
    { label: '2021/22 - 2023/25', reason: /\(2023\/25 does not\)/ },
    { label: '', reason: /expected e\.g\./ },
    { label: '2023-24', reason: /month must be 1 to 12 \(got 24\)/ },
    { label: '2024-3', reason: /expected e\.g\./ },
    { label: '2022-W5', reason: /expected e\.g\./ },
    { label: '2021-2023', reason: /expected e\.g\./ },
    { label: ' 2024', reason: /expected e\.g\./ },
    { label: 'Q4 2023/24', reason: /expected e\.g\./ },
    { label: '0999', reason: /four-digit year/ },
  ])('rejects $label naming it', ({ label, reason }) => {
    expect(() => parsePeriod(label)).toThrow(`invalid period ${JSON.stringify(label)}: `);
    expect(() => parsePeriod(label)).toThrow(reason);
  });
});

describe('periodLabel', () => {
  it.each([
    { fields: { kind: 'financial-year', startYear: 2023 } as const, label: '2023/24' },
    { fields: { kind: 'financial-year', startYear: 1999 } as const, label: '1999/00' },
    { fields: { kind: 'fy-quarter', startYear: 2023, quarter: 4 } as const, label: '2023/24 Q4' },
    { fields: { kind: 'calendar-year', year: 2024 } as const, label: '2024' },
    { fields: { kind: 'month', year: 2024, month: 3 } as const, label: '2024-03' },
    { fields: { kind: 'iso-week', isoYear: 2022, week: 41 } as const, label: '2022-W41' },
    { fields: { kind: 'iso-week', isoYear: 2021, week: 1 } as const, label: '2021-W01' },
    { fields: { kind: 'fy-range', firstStartYear: 2021, lastStartYear: 2023 } as const, label: '2021/22 - 2023/24' },
    { fields: { kind: 'calendar-year-range', firstYear: 2021, lastYear: 2023 } as const, label: '2021 - 2023' },
  ])('labels $fields.kind as $label, which parses back to the same fields', ({ fields, label }) => {
    expect(periodLabel(fields)).toBe(label);
    expect(parsePeriod(label)).toMatchObject(fields);
  });

  it('rejects impossible fields, naming the field', () => {
    expect(() => periodFromFields({ kind: 'month', year: 2024, month: 2.5 })).toThrow(/month must be 1 to 12 \(got 2.5\)/);
    expect(() => periodFromFields({ kind: 'fy-quarter', startYear: 2023, quarter: 5 as 1 })).toThrow(/quarter must be 1 to 4 \(got 5\)/);
    expect(() => periodFromFields({ kind: 'iso-week', isoYear: 2021, week: 53 })).toThrow(/ISO year 2021 has weeks 1 to 52/);
  });
});
