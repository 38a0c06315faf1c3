/**
 * The UK routine childhood schedule as the event data records it: one entry per dose, with the age
 * it falls due (NHS "Complete routine immunisation schedule", simplified to the schedule in force
 * from 2020: 6-in-1 at 8, 12, 16 weeks; PCV at 12 weeks and 1 year; MenB at 8, 16 weeks and 1 year;
 * rotavirus at 8 and 12 weeks; Hib/MenC, MMR1 at 1 year; MMR2 and the 4-in-1 pre-school booster at
 * 3 years 4 months).
 */
export const VACCINES = ['hexavalent', 'pcv', 'rotavirus', 'menb', 'hib-menc', 'mmr', 'dtap-ipv', 'ipv-campaign'] as const;
export type Vaccine = (typeof VACCINES)[number];

export interface ScheduledDose {
  /** Stable key, e.g. "mmr-1". */
  readonly key: string;
  readonly vaccine: Vaccine;
  readonly dose: number;
  readonly label: string;
  /** Age the dose falls due, in days from birth. */
  readonly dueDays: number;
}

const dose = (vaccine: Vaccine, n: number, label: string, dueDays: number): ScheduledDose => Object.freeze({ key: `${vaccine}-${n}`, vaccine, dose: n, label, dueDays });

const WEEK = 7;
export const ROUTINE_DOSES: readonly ScheduledDose[] = Object.freeze([
  dose('hexavalent', 1, 'DTaP/IPV/Hib/HepB dose 1', 8 * WEEK),
  dose('hexavalent', 2, 'DTaP/IPV/Hib/HepB dose 2', 12 * WEEK),
  dose('hexavalent', 3, 'DTaP/IPV/Hib/HepB dose 3', 16 * WEEK),
  dose('rotavirus', 1, 'Rotavirus dose 1', 8 * WEEK),
  dose('rotavirus', 2, 'Rotavirus dose 2', 12 * WEEK),
  dose('menb', 1, 'MenB dose 1', 8 * WEEK),
  dose('menb', 2, 'MenB dose 2', 16 * WEEK),
  dose('pcv', 1, 'PCV primary dose', 12 * WEEK),
  dose('hib-menc', 1, 'Hib/MenC booster', 365),
  dose('mmr', 1, 'MMR dose 1', 365),
  dose('pcv', 2, 'PCV booster', 365),
  dose('menb', 3, 'MenB booster', 365),
  dose('mmr', 2, 'MMR dose 2', 1218),
  dose('dtap-ipv', 1, 'DTaP/IPV pre-school booster', 1218),
]);

/** The 2022 London polio campaign dose (an IPV-containing booster outside the routine schedule). */
export const IPV_CAMPAIGN_DOSE: ScheduledDose = dose('ipv-campaign', 1, 'IPV-containing booster (2022 London campaign)', 0);

/** A COVER measure: a dose counted if given before the child reaches an age. */
export interface CoverMeasure {
  readonly measure: string;
  readonly doseKey: string;
  readonly ageMonths: 12 | 24 | 60;
}

/** The 14 UKHSA COVER measures as dose-by-age rules over the event data. */
export const COVER_MEASURES: readonly CoverMeasure[] = Object.freeze(
  (
    [
      ['12m_DTaPIPVHib3', 'hexavalent-3', 12],
      ['12m_PCV1', 'pcv-1', 12],
      ['12m_Rota', 'rotavirus-2', 12],
      ['12m_MenB', 'menb-2', 12],
      ['24m_DTaPIPVHib3_Prim', 'hexavalent-3', 24],
      ['24m_MMR1', 'mmr-1', 24],
      ['24m_HibMenC_Boo', 'hib-menc-1', 24],
      ['24m_PCV_Boo', 'pcv-2', 24],
      ['24m_MenB_Boo', 'menb-3', 24],
      ['5y_DTaPIPVHib3_Prim', 'hexavalent-3', 60],
      ['5y_MMR1', 'mmr-1', 60],
      ['5y_MMR2', 'mmr-2', 60],
      ['5y_DTaPIPV_Boo', 'dtap-ipv-1', 60],
      ['5y_HibMenC_Boo', 'hib-menc-1', 60],
    ] as const
  ).map(([measure, doseKey, ageMonths]) => Object.freeze({ measure, doseKey, ageMonths })),
);

/** Routine doses due before an age in months (for "fully up to date by age X"). */
export function dosesDueBy(ageMonths: number): readonly ScheduledDose[] {
  const ageDays = Math.round((ageMonths * 365.25) / 12);
  return ROUTINE_DOSES.filter((d) => d.dueDays < ageDays);
}

/** The scheduled dose with this key; throws naming an unknown key. */
export function scheduledDose(key: string): ScheduledDose {
  const found = ROUTINE_DOSES.find((d) => d.key === key) ?? (key === IPV_CAMPAIGN_DOSE.key ? IPV_CAMPAIGN_DOSE : undefined);
  if (!found) throw new Error(`unknown vaccine dose ${JSON.stringify(key)}`);
  return found;
}
