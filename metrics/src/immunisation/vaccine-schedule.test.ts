import { describe, expect, it } from 'vitest';
import { COVER_MEASURES, ROUTINE_DOSES, dosesDueBy, scheduledDose } from './vaccine-schedule.ts';
import { INDICATORS } from '../catalogue/indicator-catalogue.ts';

describe('vaccine schedule', () => {
  it('has 14 COVER measures, each pointing at a scheduled dose due before its age', () => {
    expect(COVER_MEASURES).toHaveLength(14);
    for (const m of COVER_MEASURES) {
      const d = scheduledDose(m.doseKey);
      expect(d.dueDays, m.measure).toBeLessThan((m.ageMonths * 365) / 12);
    }
  });

  it('maps every COVER measure to exactly one catalogue indicator', () => {
    for (const m of COVER_MEASURES) expect(INDICATORS.filter((i) => i.coverMeasure === m.measure).map((i) => i.id), m.measure).toHaveLength(1);
  });

  it('keeps doses of one vaccine in order, at least 4 weeks apart', () => {
    for (const v of new Set(ROUTINE_DOSES.map((d) => d.vaccine))) {
      const doses = ROUTINE_DOSES.filter((d) => d.vaccine === v);
      for (let i = 1; i < doses.length; i++) expect(doses[i]!.dueDays - doses[i - 1]!.dueDays).toBeGreaterThanOrEqual(28);
    }
  });

  it('lists the doses due by 12 months: the 8, 12 and 16-week doses only', () => {
    expect(dosesDueBy(12).map((d) => d.key)).toEqual(['hexavalent-1', 'hexavalent-2', 'hexavalent-3', 'rotavirus-1', 'rotavirus-2', 'menb-1', 'menb-2', 'pcv-1']);
    expect(dosesDueBy(60)).toHaveLength(14);
  });

  it('rejects an unknown dose key', () => expect(() => scheduledDose('bcg-1')).toThrow('unknown vaccine dose "bcg-1"'));
});
