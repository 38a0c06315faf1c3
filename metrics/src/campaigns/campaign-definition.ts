import { z } from 'zod';
import { BOROUGHS, LONDON } from '../geography/london-geography.ts';
import { VACCINES } from '../immunisation/vaccine-schedule.ts';
import { WEEKDAYS } from './campaign-week-grid.ts';

const BOROUGH_CODES = new Set(BOROUGHS.map((b) => b.code));
const isoDate = z.iso.date();
const boroughCode = z.string().refine((code) => BOROUGH_CODES.has(code), { error: (issue) => `not a London borough code (E09000001…E09000033): ${JSON.stringify(issue.input)}` });

/**
 * A vaccination campaign as data: who is eligible, which doses count, where and when it runs, the
 * target and the dates that matter. Campaign progress and its trajectory are computed from these
 * fields over the release's event data, so a new campaign needs no code.
 *
 * `start` is when the campaign opens in every area not named in `priorityAreas`; a priority group
 * has its own (usually earlier) start. Doses count from the earliest of these starts to `end`.
 */
export const campaignDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'campaign ids are lower-case letters, digits and dashes'),
    name: z.string().min(1),
    description: z.string().min(1),
    indicatorId: z.string().min(1).nullable().default(null).describe('catalogue indicator that publishes this campaign, if any'),
    vaccine: z.enum(VACCINES).describe('`doses.vaccine` value of the doses that count'),
    dose: z.number().int().positive().nullable().default(null).describe('`doses.dose` that counts; null: any dose of the vaccine'),
    eligible: z.object({
      bornFrom: isoDate,
      bornTo: isoDate,
      label: z.string().min(1).optional().describe('the eligible group in words, e.g. "aged 1 to 9 on 10 August 2022"'),
    }).describe('children born between these dates (inclusive) are eligible'),
    unvaccinatedAtStart: z.boolean().default(false).describe('catch-ups: a child is eligible only with no counting dose before the campaign opens'),
    areas: z.union([z.literal(LONDON.code), z.array(boroughCode).min(1)]).describe('the London region code, or the borough codes the campaign runs in'),
    start: isoDate.describe('opening date in every area not in a priority group'),
    end: isoDate.describe('last day a dose counts'),
    weekEndsOn: z.enum(WEEKDAYS).default('sunday').describe('the weekday every published week ends on: public answers use this fixed weekly grid, and snap asOf back to its last week end'),
    target: z.object({
      uptake: z.number().gt(0).max(100).describe('% of eligible children vaccinated'),
      by: isoDate,
      label: z.string().min(1),
      source: z.string().min(1).describe('where the target comes from, or the assumption behind it'),
    }),
    priorityAreas: z.array(z.object({
      boroughs: z.array(boroughCode).min(1),
      start: isoDate,
      label: z.string().min(1).optional(),
    })).default([]),
    keyDates: z.array(z.object({ date: isoDate, label: z.string().min(1) })).default([]),
  })
  .superRefine((c, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (c.eligible.bornFrom > c.eligible.bornTo) problem(['eligible', 'bornTo'], `bornTo (${c.eligible.bornTo}) is before bornFrom (${c.eligible.bornFrom})`);
    if (c.start > c.end) problem(['end'], `end (${c.end}) is before start (${c.start})`);
    const seen = new Set<string>();
    c.priorityAreas.forEach((group, i) => {
      if (group.start > c.end) problem(['priorityAreas', i, 'start'], `priority start (${group.start}) is after the campaign end (${c.end})`);
      group.boroughs.forEach((code, j) => {
        if (seen.has(code)) problem(['priorityAreas', i, 'boroughs', j], `borough ${code} is in more than one priority group`);
        seen.add(code);
        if (Array.isArray(c.areas) && !c.areas.includes(code)) problem(['priorityAreas', i, 'boroughs', j], `priority borough ${code} is not one of the campaign's areas`);
      });
    });
    const opens = [c.start, ...c.priorityAreas.map((g) => g.start)].sort()[0]!;
    if (c.target.by <= opens) problem(['target', 'by'], `target date (${c.target.by}) must be after the campaign opens (${opens})`);
  });

/** A campaign as authored (defaults not yet applied), e.g. one entry of `campaigns.json`. */
export type CampaignSpec = z.input<typeof campaignDefinitionSchema>;
/** A parsed campaign definition. */
export type Campaign = z.output<typeof campaignDefinitionSchema>;

/**
 * The day a campaign opens anywhere: the earliest of its start and its priority starts (ISO date).
 * Doses count from this day.
 * @example campaignOpens({ start: '2022-09-12', priorityAreas: [{ boroughs: ['E09000003'], start: '2022-08-16' }] }) // "2022-08-16"
 */
export function campaignOpens(campaign: Pick<Campaign, 'start' | 'priorityAreas'>): string {
  return [campaign.start, ...campaign.priorityAreas.map((g) => g.start)].sort()[0]!;
}

/**
 * The start date that applies to a borough: its priority group's start, else the campaign start.
 * @example boroughStart(polio, 'E09000003') // "2022-08-16" (Barnet, a priority borough)
 */
export function boroughStart(campaign: Pick<Campaign, 'start' | 'priorityAreas'>, boroughCode: string): string {
  return campaign.priorityAreas.find((g) => g.boroughs.includes(boroughCode))?.start ?? campaign.start;
}

/**
 * Whether the campaign runs in a borough.
 * @example campaignCoversBorough({ areas: 'E12000007' }, 'E09000007') // true
 */
export function campaignCoversBorough(campaign: Pick<Campaign, 'areas'>, boroughCode: string): boolean {
  return campaign.areas === LONDON.code ? BOROUGH_CODES.has(boroughCode) : campaign.areas.includes(boroughCode);
}
