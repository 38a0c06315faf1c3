import type { CampaignOutreach, OutreachRow } from '../schemas/campaign-outreach-schemas.ts';
import { csvLine, type CsvValue } from './csv-line.ts';

const LEVEL_NAME = { practice: 'Practice', pcn: 'PCN', borough: 'Borough' } as const;

/**
 * The outreach list as outreach teams open it in a spreadsheet: a first row naming the campaign,
 * the as-of date, the release and whether its data are synthetic (so a printed or forwarded file
 * says what it is), then a heading row and one row per area with its borough and ICB, percentages
 * to one decimal. Hidden counts are empty cells.
 * @example outreachCsv(list, { id: 'synthetic-s42', synthetic: true }).split('\n')[0]
 * // "Outreach list,Polio IPV booster campaign 2022 (ages 1 to 9),As of,2022-10-13,Release,synthetic-s42,Synthetic data,yes"
 */
export function outreachCsv(list: Omit<CampaignOutreach, 'meta'>, release: { readonly id: string; readonly synthetic: boolean }): string {
  const target = `${list.campaign.target.uptake}%`;
  const columns: [string, (r: OutreachRow) => CsvValue][] = [
    ['Rank', (r) => r.rank],
    [`${LEVEL_NAME[list.level]} code`, (r) => r.areaCode],
    [LEVEL_NAME[list.level], (r) => r.areaName],
    ['Borough code', (r) => r.boroughCode],
    ['Borough', (r) => r.boroughName],
    ['ICB code', (r) => r.icbCode],
    ['ICB', (r) => r.icbName],
    ['Eligible children', (r) => r.eligible],
    ['Vaccinated', (r) => r.vaccinated],
    ['Uptake (%)', (r) => r.uptake],
    ['Trajectory (%)', (r) => r.trajectory],
    [`Still to vaccinate to reach ${target}`, (r) => r.gapToTarget],
    ['Behind trajectory (children)', (r) => r.behindBy],
    ['Needed a week', (r) => r.runRateNeededPerWeek],
    [`Projected uptake on ${list.campaign.target.by} (%)`, (r) => r.projectedUptake],
    [`Projected short of ${target} on ${list.campaign.target.by}`, (r) => r.projectedShortfall],
    ['Note', (r) => r.note],
  ];
  const title = csvLine(['Outreach list', list.campaign.name, 'As of', list.asOf, 'Release', release.id, 'Synthetic data', release.synthetic ? 'yes' : 'no']);
  return [title, csvLine(columns.map(([name]) => name)), ...list.rows.map((r) => csvLine(columns.map(([, value]) => value(r))))].join('');
}
